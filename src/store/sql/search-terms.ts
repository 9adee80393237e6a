// The terms of the search index, the same on every backend: overlapping character bigrams, as
// Lucene's CJK analyser makes them, so that Chinese is found as people type it (2-character words
// such as 烟道 or 学籍) without a dictionary. Each whitespace-free run of a text gives one term a
// position: the pair starting there, or the run's last character alone, so every character starts
// some term (a 1-character query is a prefix query) and a longer query is the phrase of its pairs.
//
// The index only narrows the candidates: `--search` keeps its meaning (a substring of title or body,
// in the database's case-insensitive match, or an exact ref) because the final check is that match
// itself. Terms are therefore made so that every real match is a candidate: letters are folded to
// lower case on both sides, and a query pair with whitespace in it is simply not asked for.

/** A character as a term holds it: lower case; ASCII punctuation moved out of ASCII (see below). */
function fold(ch: string): string {
  const code = ch.codePointAt(0)!
  if (code < 0x80) {
    // Full-text tokenizers (FTS5's ascii tokenizer, tsvector's input) split on ASCII punctuation;
    // moved to the Private Use Area it stays part of the term. Digits and letters stay.
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return ch
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32)
    return String.fromCharCode(0xe000 + code)
  }
  const lower = ch.toLowerCase()
  // A few letters lower to two characters (İ to i + a combining dot); databases fold them to one.
  return lower.length === ch.length ? lower : String.fromCodePoint(lower.codePointAt(0)!)
}

const WHITESPACE = /\s+/u

/** The runs of a text between whitespace, each as its folded characters. */
function runs(text: string): string[][] {
  const out: string[][] = []
  for (const part of text.split(WHITESPACE)) if (part) out.push(Array.from(part, fold))
  return out
}

/** The terms of one text in position order (repeats kept: FTS5 counts positions). */
export function documentTerms(text: string): string[] {
  const terms: string[] = []
  for (const run of runs(text)) {
    for (let i = 0; i + 1 < run.length; i++) terms.push(run[i] + run[i + 1])
    terms.push(run[run.length - 1])
  }
  return terms
}

/**
 * What a query asks of the index: for each whitespace-free run of it, the phrase of its pairs, or
 * for a run of one character that character as a prefix. Null when nothing is left to ask (an
 * empty or all-whitespace query), and the caller scans.
 */
export interface TermQuery {
  phrases: string[][]
  prefixes: string[]
}

export function queryTerms(query: string): TermQuery | null {
  const phrases: string[][] = []
  const prefixes: string[] = []
  for (const run of runs(query)) {
    if (run.length === 1) prefixes.push(run[0])
    else phrases.push(run.slice(1).map((ch, i) => run[i] + ch))
  }
  return phrases.length + prefixes.length > 0 ? {phrases, prefixes} : null
}

/** An FTS5 MATCH expression: every phrase and every prefix (terms hold no quote, see fold). */
export function fts5Match(q: TermQuery): string {
  return [...q.phrases.map((p) => `"${p.join(' ')}"`), ...q.prefixes.map((p) => `"${p}" *`)].join(' AND ')
}

/** A tsquery: every pair of every phrase, every prefix as a prefix. */
export function tsquery(q: TermQuery): string {
  const pairs = new Set(q.phrases.flat())
  return [...[...pairs].map((t) => `'${t}'`), ...q.prefixes.map((p) => `'${p}':*`)].join(' & ')
}

/**
 * A text's distinct terms as a tsvector literal (lexemes quoted, so that whatever the server's
 * locale takes for a space stays inside them; without positions), or null past
 * PostgreSQL's limit on a tsvector's size: such a case is left out of the index and is always a
 * candidate (see the search SQL).
 */
export function tsvectorLiteral(title: string, body: string): string | null {
  const distinct = new Set(documentTerms(title))
  for (const t of documentTerms(body)) distinct.add(t)
  let bytes = 0
  const parts: string[] = []
  for (const t of distinct) {
    bytes += Buffer.byteLength(t) + 8
    parts.push(`'${t}'`)
  }
  return bytes < TSVECTOR_BUDGET ? parts.join(' ') : null
}

/** Comfortably under PostgreSQL's 1 MB limit on a tsvector. */
const TSVECTOR_BUDGET = 900_000
