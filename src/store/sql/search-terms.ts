// The terms of the search index, the same on every backend: overlapping character bigrams, as
// Lucene's CJK analyser makes them, so that Chinese is found as people type it (2-character words
// such as 烟道 or 学籍) without a dictionary. Each run of a text between whitespace and punctuation
// gives the pairs of neighbouring characters and its last character alone, so every character
// starts some term: a 1-character query is a prefix query, a longer one asks for all of its pairs.
//
// The index only narrows the candidates: `--search` keeps its meaning (a substring of title or body,
// in the database's case-insensitive match, or an exact ref) because the final check is that match
// itself. Terms are made so that every real match is a candidate: letters are folded to lower case
// on both sides, and a query pair with a separator in it is simply not asked for. The index keeps no
// positions, so a query's pairs may sit apart in a candidate; the final check rules those out.

/** ASCII as a term holds it: digits and lower-case letters; anything else separates (null). */
const ASCII = Array.from({length: 128}, (_, code) => {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return String.fromCharCode(code)
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32)
  return null
})

/** A character (one code point) folded to lower case as a single code point: databases fold İ to i. */
function foldOther(ch: string): string {
  const lower = ch.toLowerCase()
  return lower.length === ch.length ? lower : String.fromCodePoint(lower.codePointAt(0)!)
}

/**
 * Whitespace (what /\s/u matches) and punctuation outside ASCII, by code unit: they separate runs
 * as ASCII's non-alphanumerics do. Pairs across punctuation (，我) would be a tenth of the terms and
 * narrow nothing; nor can a term then hold a character that a tokenizer takes for a separator.
 */
function separates(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x3003) ||
    (code >= 0x3008 && code <= 0x3011) || (code >= 0x3014 && code <= 0x301f) || code === 0xfeff ||
    (code >= 0xff01 && code <= 0xff0f) || (code >= 0xff1a && code <= 0xff20) || (code >= 0xff3b && code <= 0xff40) ||
    (code >= 0xff5b && code <= 0xff65)
  )
}

/**
 * Calls emit for each term of text in order: for each run, the pair starting at each character,
 * then the run's last character alone (repeats are emitted again).
 */
function eachTerm(text: string, emit: (term: string, last: boolean) => void): void {
  let prev = ''
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let ch: string
    if (code < 0x80) {
      const folded = ASCII[code]
      if (folded === null) {
        if (prev) emit(prev, true)
        prev = ''
        continue
      }
      ch = folded
    } else if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3)) {
      ch = text[i] // Han and Hangul have no case
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      ch = foldOther(text.slice(i, i + 2))
      i++
    } else if (separates(code)) {
      if (prev) emit(prev, true)
      prev = ''
      continue
    } else ch = foldOther(text[i])
    if (prev) emit(prev + ch, false)
    prev = ch
  }
  if (prev) emit(prev, true)
}

/** The distinct terms of a case's title and body, separated by spaces: what the index holds. */
export function caseTerms(title: string, body: string): string {
  const terms = new Set<string>()
  const add = (t: string) => void terms.add(t)
  eachTerm(title, add)
  eachTerm(body, add)
  return [...terms].join(' ')
}

/**
 * What a query asks of the index: every pair of neighbouring characters in it, and each character
 * standing alone between separators as a prefix. Null when nothing is left to ask (a query of
 * whitespace and punctuation only), and the caller scans.
 */
export interface TermQuery {
  pairs: string[]
  prefixes: string[]
}

export function queryTerms(query: string): TermQuery | null {
  const pairs = new Set<string>()
  const prefixes = new Set<string>()
  let run = 0
  eachTerm(query, (term, last) => {
    run++
    if (!last) return pairs.add(term)
    if (run === 1) prefixes.add(term)
    run = 0
  })
  return pairs.size + prefixes.size > 0 ? {pairs: [...pairs], prefixes: [...prefixes]} : null
}

/** An FTS5 MATCH expression: every pair, every prefix (terms hold no quote: see ASCII). */
export function fts5Match(q: TermQuery): string {
  return [...q.pairs.map((p) => `"${p}"`), ...q.prefixes.map((p) => `"${p}" *`)].join(' AND ')
}

/** A tsquery of the same. */
export function tsquery(q: TermQuery): string {
  return [...q.pairs.map((t) => `'${t}'`), ...q.prefixes.map((p) => `'${p}':*`)].join(' & ')
}

/**
 * A case's terms as a tsvector literal (lexemes quoted, so that whatever the server's locale takes
 * for a space stays inside them; they hold no quote or backslash), or null past PostgreSQL's limit on a tsvector's size: such a case
 * is left out of the index and is always a candidate (see the search SQL).
 */
export function tsvectorLiteral(title: string, body: string): string | null {
  const terms = caseTerms(title, body)
  if (!terms) return ''
  // Each lexeme costs its bytes and a 4-byte entry; the limit is 1 MB.
  if (terms.length * 4 > 900_000) return null
  return `'${terms.replaceAll(' ', "' '")}'`
}
