// A CSV scanner for decoded text, written for speed: csv-parse reads ~30 MB/s here, and a million
// message-board rows are a gigabyte. Lines without a quote (most of them) are split with
// String.split; a line with a quote takes the field-by-field path. RFC 4180 quoting, "" escapes,
// \n, \r\n or lone \r line ends, empty lines skipped, a quote inside an unquoted field kept as text.
// A record with broken quoting is reported and scanning resumes at the line after its first line,
// so one stray quote never swallows the rows after it.

export interface CsvRecord {
  /** Line of the file where the record starts (1-based, header is line 1). */
  line: number
  values: string[]
  /** The record's text as it was in the file (without its line end), for the rejects file. */
  raw: string
}

export interface CsvIssue {
  line: number
  reason: string
  raw: string
}

export type CsvItem = {kind: 'record'; record: CsvRecord} | {kind: 'issue'; issue: CsvIssue}
type Emit = (item: CsvItem) => void
type Slow = {values: string[]; next: number; newlines: number} | {error: string} | null

export const MAX_RECORD_CHARS = 2_000_000
const RAW_CHARS = 10_000

export class CsvScanner {
  private carry = ''
  private line = 1
  private started = false
  private skipping = false
  /** Old Mac exports (Excel's "CSV (Macintosh)") end lines with a lone \r: read those as \n. */
  private crOnly?: boolean

  constructor(private readonly maxChars = MAX_RECORD_CHARS) {}

  push(text: string, emit: Emit): void {
    if (this.crOnly === undefined) {
      const end = /\r\n|\r(?=[^])|\n/.exec(text)
      if (end) {
        this.crOnly = end[0] === '\r'
        if (this.crOnly) this.carry = this.carry.replaceAll('\r', '\n')
      }
    }
    if (this.crOnly) text = text.replaceAll('\r', '\n')
    if (this.skipping) {
      const nl = text.indexOf('\n')
      if (nl < 0) return
      text = text.slice(nl + 1)
      this.line++
      this.skipping = false
    }
    this.scan(this.carry + text, false, emit)
  }

  end(emit: Emit): void {
    if (!this.skipping) this.scan(this.carry, true, emit)
    this.carry = ''
  }

  private scan(s: string, final: boolean, emit: Emit): void {
    if (!this.started && s.length > 0) {
      this.started = true
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1)
    }
    let i = 0
    let line = this.line
    let quote = -2
    const n = s.length
    while (i < n) {
      const nl = s.indexOf('\n', i)
      if (nl < 0 && !final) break
      const lineEnd = nl < 0 ? n : nl
      if (lineEnd === i || (lineEnd === i + 1 && s.charCodeAt(i) === 13)) {
        i = lineEnd + 1
        line++
        continue
      }
      if (quote !== -1 && quote < i) quote = s.indexOf('"', i)
      if (quote === -1 || quote > lineEnd) {
        const end = s.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd
        const raw = s.slice(i, end)
        emit({kind: 'record', record: {line, values: raw.split(','), raw}})
        i = lineEnd + 1
        line++
        continue
      }
      const r = slowRecord(s, i, final)
      if (r === null) break
      if ('error' in r) {
        emit({kind: 'issue', issue: {line, reason: r.error, raw: firstLine(s, i, lineEnd)}})
        i = lineEnd + 1
        line++
        continue
      }
      emit({kind: 'record', record: {line, values: r.values, raw: s.slice(i, r.next).replace(/\r?\n$/, '')}})
      line += 1 + r.newlines
      i = r.next
    }
    this.line = line
    this.carry = i < n ? s.slice(i) : ''
    if (!final && this.carry.length > this.maxChars) this.oversize(emit)
  }

  /** The record being read runs past the limit: report it, and go on from its second line. */
  private oversize(emit: Emit): void {
    const s = this.carry
    const nl = s.indexOf('\n')
    const reason = `record over ${this.maxChars.toLocaleString('en')} characters (an unclosed quote?)`
    emit({kind: 'issue', issue: {line: this.line, reason, raw: firstLine(s, 0, nl < 0 ? s.length : nl)}})
    this.carry = ''
    if (nl < 0) {
      this.skipping = true
      return
    }
    this.line++
    this.scan(s.slice(nl + 1), false, emit)
  }
}

function firstLine(s: string, from: number, to: number): string {
  const end = to > from && s.charCodeAt(to - 1) === 13 ? to - 1 : to
  return s.slice(from, Math.min(end, from + RAW_CHARS))
}

/** One record from i, field by field. null: the text ends before the record does. */
function slowRecord(s: string, i: number, final: boolean): Slow {
  const values: string[] = []
  let p = i
  let newlines = 0
  for (;;) {
    if (s.charCodeAt(p) === 34) {
      let q = p + 1
      let value = ''
      for (;;) {
        const j = s.indexOf('"', q)
        if (j < 0) return final ? {error: 'a quoted field is never closed'} : null
        if (j + 1 >= s.length && !final) return null
        if (s.charCodeAt(j + 1) === 34) {
          value += s.slice(q, j + 1)
          q = j + 2
          continue
        }
        value += s.slice(q, j)
        p = j + 1
        break
      }
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) newlines++
      values.push(value)
      if (p >= s.length) return {values, next: p, newlines}
      const c = s.charCodeAt(p)
      if (c === 44) {
        p++
        continue
      }
      if (c === 10) return {values, next: p + 1, newlines}
      if (c === 13) {
        if (p + 1 >= s.length && !final) return null
        if (p + 1 >= s.length || s.charCodeAt(p + 1) === 10) return {values, next: p + 2, newlines}
      }
      return {error: `broken quoting: ${JSON.stringify(s.slice(p, p + 10))} follows a closing quote`}
    }
    let e = s.indexOf('\n', p)
    if (e < 0) {
      if (!final) return null
      e = s.length
    }
    const comma = s.indexOf(',', p)
    if (comma >= 0 && comma < e) {
      values.push(s.slice(p, comma))
      p = comma + 1
      continue
    }
    values.push(s.slice(p, s.charCodeAt(e - 1) === 13 && e > p ? e - 1 : e))
    return {values, next: e + 1, newlines}
  }
}
