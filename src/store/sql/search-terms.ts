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

/** A term's first character when it stands alone (the last of a run): no character is code 0. */
const ALONE = 0

/**
 * Calls emit for each term of text in order, as code points: for each run, the pair starting at
 * each character (a, b), then the run's last character alone (a, ALONE). Repeats are emitted again.
 */
function eachTerm(text: string, emit: (a: number, b: number) => void): void {
  let prev = ALONE
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let ch: number
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3)) {
      ch = code // Han and Hangul have no case
    } else if (code < 0x80) {
      ch = ASCII_CODE[code]
      if (ch === ALONE) {
        if (prev !== ALONE) emit(prev, ALONE)
        prev = ALONE
        continue
      }
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      ch = foldOther(text.slice(i, i + 2)).codePointAt(0)!
      i++
    } else if (separates(code)) {
      if (prev !== ALONE) emit(prev, ALONE)
      prev = ALONE
      continue
    } else ch = foldOther(text[i]).codePointAt(0)!
    if (prev !== ALONE) emit(prev, ch)
    prev = ch
  }
  if (prev !== ALONE) emit(prev, ALONE)
}

const ASCII_CODE = Int32Array.from(ASCII, (ch) => (ch === null ? ALONE : ch.charCodeAt(0)))

function termText(a: number, b: number): string {
  if (a <= 0xffff && b <= 0xffff) return b === ALONE ? String.fromCharCode(a) : String.fromCharCode(a, b)
  return b === ALONE ? String.fromCodePoint(a) : String.fromCodePoint(a, b)
}

/**
 * Calls emit once for each distinct term of a case's title and body. The terms seen are kept in an
 * open-addressing table reused from case to case (a generation number empties it): a Set of numbers
 * past 2^30, or of strings, allocates for every term, repeats included.
 */
function eachCaseTerm(title: string, body: string, emit: (a: number, b: number) => void): void {
  const need = 2 * (title.length + body.length + 2)
  if (need > seen.size) seen = newSeen(need)
  const t = seen
  if (++t.generation === 0x7fffffff) {
    t.stamp.fill(0)
    t.generation = 1
  }
  const add = (a: number, b: number) => {
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & t.mask
    while (t.stamp[slot] === t.generation) {
      if (t.a[slot] === a && t.b[slot] === b) return
      slot = (slot + 1) & t.mask
    }
    t.stamp[slot] = t.generation
    t.a[slot] = a
    t.b[slot] = b
    emit(a, b)
  }
  eachTerm(title, add)
  eachTerm(body, add)
}

interface Seen {
  size: number
  mask: number
  generation: number
  stamp: Int32Array
  a: Int32Array
  b: Int32Array
}

function newSeen(need: number): Seen {
  let size = 1024
  while (size < need) size *= 2
  return {size, mask: size - 1, generation: 0, stamp: new Int32Array(size), a: new Int32Array(size), b: new Int32Array(size)}
}

let seen = newSeen(0)

/** The distinct terms of a case's title and body, separated by spaces: what the SQLite index holds. */
export function caseTerms(title: string, body: string): string {
  const terms: string[] = []
  eachCaseTerm(title, body, (a, b) => void terms.push(termText(a, b)))
  return terms.join(' ')
}

/**
 * A term as PostgreSQL's index holds it, a 32-bit integer: a pair of BMP characters is their two
 * code units; a character alone is its code point; a pair outside the BMP is folded into the same
 * range, where it may meet another term. That only adds candidates, which the final check rules out.
 */
function termCode(a: number, b: number): number {
  if (b === ALONE) return a
  if (a <= 0xffff && b <= 0xffff) return ((a << 16) | b) | 0
  return Math.imul(a, 0x9e3779b1) ^ b
}

/** A case's terms as a PostgreSQL integer[] literal. */
export function termCodesLiteral(title: string, body: string): string {
  const codes: number[] = []
  eachCaseTerm(title, body, (a, b) => void codes.push(termCode(a, b)))
  return `{${codes.join(',')}}`
}

/**
 * What a query asks of the index: every pair of neighbouring characters in it, and each character
 * standing alone between separators as a prefix. Null when nothing is left to ask (a query of
 * whitespace and punctuation only), and the caller scans.
 */
export interface TermQuery {
  pairs: string[]
  prefixes: string[]
  /** The pairs as PostgreSQL's index holds them (termCode). */
  codes: number[]
}

export function queryTerms(query: string): TermQuery | null {
  const pairs = new Map<number, [number, number]>()
  const prefixes = new Map<number, [number, number]>()
  let run = 0
  eachTerm(query, (a, b) => {
    run++
    if (b !== ALONE) return void pairs.set(a * 0x110000 + b, [a, b])
    if (run === 1) prefixes.set(a, [a, b])
    run = 0
  })
  if (pairs.size + prefixes.size === 0) return null
  return {pairs: [...pairs.values()].map(([a, b]) => termText(a, b)), prefixes: [...prefixes.values()].map(([a]) => termText(a, ALONE)), codes: [...pairs.values()].map(([a, b]) => termCode(a, b))}
}

/** An FTS5 MATCH expression: every pair, every prefix (terms hold no quote: see ASCII). */
export function fts5Match(q: TermQuery): string {
  return [...q.pairs.map((p) => `"${p}"`), ...q.prefixes.map((p) => `"${p}" *`)].join(' AND ')
}

/**
 * An integer[] literal of the pairs for PostgreSQL's index, or null when the query has none (single
 * characters only): prefixes are not in its index, and such a query reads cases.
 */
export function codesLiteral(q: TermQuery): string | null {
  return q.codes.length > 0 ? `{${q.codes.join(',')}}` : null
}
