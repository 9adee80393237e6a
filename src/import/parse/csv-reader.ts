import {type CsvError, type Info, Parser} from 'csv-parse'

import type {CsvItem} from './csv-item.js'
import {OversizeSkip} from './oversize-skip.js'

// csv-parse (the stack's CSV engine) fed chunk by chunk. Its callbacks run synchronously inside
// write(), so records and skips come out in file order. csv-parse reports the line a record ENDS
// on; the start is derived here, and a "\r\n" inside a quoted value, which csv-parse counts as
// two lines, is counted as one.

/** csv-parse counts bytes; 6 MB is about 2,000,000 Chinese characters. A longer record is skipped (OversizeSkip). */
export const MAX_RECORD_BYTES = 6_000_000
export const RAW_CHARS = 10_000

export class CsvReader {
  private parser: Parser
  private out: CsvItem[] = []
  /** csv-parse's line and empty-line count at the last record, to tell breaks inside it. */
  private prevLines = 0
  private prevEmpty = 0
  /** How far csv-parse's line count runs ahead of the file's (one per quoted "\r\n"). */
  private drift = 0
  /** Where the last record ended (byte offset, file line): an unfinished record starts after it. */
  private lastEnd = 0
  private lastEndLine = 0
  /** The text since the last record's end, kept by reference to the chunks written. */
  private tail: Buffer[] = []
  private tailStart = 0
  /** Set when csv-parse cannot go on: the rest of the input is lost to the record that broke it. */
  stopped = false
  /** A record over the size limit, read past until it ends (csv-parse cannot go on after one). */
  private skipping: {line: number; head: Buffer[]; headBytes: number; skip: OversizeSkip} | undefined
  private oversized = false

  /** lineBase: lines of the file before the text this reader is given (when it takes over mid-file). */
  constructor(
    private readonly maxBytes = MAX_RECORD_BYTES,
    private lineBase = 0,
  ) {
    this.parser = this.newParser()
  }

  private newParser(): Parser {
    const parser = new Parser({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      skip_empty_lines: true,
      max_record_size: this.maxBytes,
      // \r\n, \n and lone \r (old Mac Excel) all end a record, also mixed in one file.
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (values: string[], info: Info) => this.record(values, info),
      on_skip: (err) => this.skip(err),
    })
    parser.resume()
    return parser
  }

  /** Parses a chunk (UTF-8 bytes, or text) and hands back the items it completed. */
  write(chunk: string | Buffer): CsvItem[] {
    if (this.stopped || chunk.length === 0) return this.take()
    // UTF-8 bytes go in as read: csv-parse decodes each field once (invalid bytes become U+FFFD).
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    if (this.skipping) {
      this.skipOn(buf)
      return this.take()
    }
    this.tail.push(buf)
    this.parser.write(buf)
    if (this.oversized) this.startSkipping()
    while (this.tail.length > 1 && this.tailStart + this.tail[0].length <= this.lastEnd) this.tailStart += this.tail.shift()!.length
    return this.take()
  }

  async end(): Promise<CsvItem[]> {
    if (this.skipping) {
      const {line, skip} = this.skipping
      const head = this.headText()
      this.skipping = undefined
      this.stopped = true
      this.parser.destroy()
      if (skip.endsOpen()) {
        const reason = `a quoted field is never closed: the rest of the file from line ${line} was not imported (raw: its first ${RAW_CHARS.toLocaleString('en')} characters)`
        this.out.push({kind: 'issue', issue: {line, reason, raw: head}})
      } else this.out.push(this.oversizeIssue(line, head))
      return this.take()
    }
    if (this.stopped) this.parser.destroy()
    else await new Promise<void>((resolve, reject) => this.parser.end((error?: Error | null) => (error ? reject(error) : resolve())))
    return this.take()
  }

  private oversizeIssue(line: number, head: string): CsvItem {
    const reason = `record over ${this.maxBytes.toLocaleString('en')} bytes, not imported (raw: its first ${RAW_CHARS.toLocaleString('en')} characters); the import went on with the next record`
    return {kind: 'issue', issue: {line, reason, raw: head}}
  }

  /** csv-parse gave up on a record over the limit: read past it from its start, without csv-parse. */
  private startSkipping() {
    const start = this.lastEnd - this.tailStart
    let bytes = Buffer.concat(this.tail).subarray(start)
    // Blank lines before the record, and a BOM at the very start, are not part of it.
    let k = 0
    if (this.lastEnd === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) k = 3
    let blanks = 0
    while (k < bytes.length && (bytes[k] === 0x0a || bytes[k] === 0x0d)) {
      if (bytes[k] === 0x0a || bytes[k + 1] !== 0x0a) blanks++
      k++
    }
    bytes = bytes.subarray(k)
    const line = this.lineBase + this.lastEndLine + 1 + blanks
    this.parser.destroy()
    this.tail = []
    this.skipping = {line, head: [], headBytes: 0, skip: new OversizeSkip()}
    this.skipOn(bytes)
  }

  /** The over-size record's first RAW_CHARS characters (its first bytes are kept as they pass). */
  private headText(): string {
    return Buffer.concat(this.skipping!.head).toString('utf8').slice(0, RAW_CHARS)
  }

  /** Reads on through the over-size record; where it ends, a fresh csv-parse takes the rest. */
  private skipOn(bytes: Buffer) {
    const skipping = this.skipping!
    const {line, skip} = skipping
    const next = skip.feed(bytes)
    // Enough bytes for RAW_CHARS characters (a character cut at the end falls past them).
    if (skipping.headBytes < RAW_CHARS * 4) {
      const take = bytes.subarray(0, Math.min(next ?? bytes.length, RAW_CHARS * 4 - skipping.headBytes))
      skipping.head.push(Buffer.from(take))
      skipping.headBytes += take.length
    }
    if (next === undefined) return
    this.out.push(this.oversizeIssue(line, this.headText()))
    this.skipping = undefined
    this.oversized = false
    // The next record starts on the line after this one's last: a reader starting afresh there.
    this.lineBase = line - 1 + skip.lineBreaks
    this.prevLines = this.prevEmpty = this.drift = this.lastEnd = this.lastEndLine = this.tailStart = 0
    this.tail = []
    this.parser = this.newParser()
    if (next < bytes.length) {
      const out = this.out
      this.out = []
      const items = this.write(bytes.subarray(next))
      this.out = [...out, ...items]
    }
  }

  private take(): CsvItem[] {
    const items = this.out
    this.out = []
    return items
  }

  private record(values: string[], info: Info): null {
    // csv-parse may read on in the chunk after a record over the limit: nothing it says counts.
    if (this.oversized) return null
    const breaks = info.lines - this.prevLines - 1 - (info.empty_lines - this.prevEmpty)
    const line = info.lines - breaks - this.drift
    if (breaks > 0) for (const v of values) for (let k = v.indexOf('\r\n'); k >= 0; k = v.indexOf('\r\n', k + 2)) this.drift++
    this.prevLines = info.lines
    this.prevEmpty = info.empty_lines
    this.lastEnd = info.bytes
    this.lastEndLine = info.lines - this.drift
    this.out.push({kind: 'record', record: {line: line + this.lineBase, values}})
    return null
  }

  private skip(err: CsvError | undefined): undefined {
    if (this.stopped || this.oversized || !err) return
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      this.oversized = true
      return
    }
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      // The error does not carry the record's text: it is the text since the last record's end.
      const {line, text} = this.unfinished()
      const reason = `a quoted field is never closed: the rest of the file from line ${line} was not imported (its text is the raw column)`
      this.out.push({kind: 'issue', issue: {line, reason, raw: text.replace(/(?:\r\n|\r|\n)$/, '')}})
      this.stopped = true
      return
    }
    const raw = (err as CsvError & {raw?: string}).raw ?? ''
    this.out.push({kind: 'issue', issue: {line: (err as CsvError & {lines: number}).lines + this.lineBase, reason: err.message, raw}})
  }

  /** The record csv-parse is stuck in: its first line (after any empty lines) and its text. */
  private unfinished(): {line: number; text: string} {
    let text = Buffer.concat(this.tail).subarray(this.lastEnd - this.tailStart).toString('utf8')
    // csv-parse counts a BOM it dropped among the bytes; before the first record it is still in the tail.
    if (this.lastEnd === 0 && text.startsWith('\uFEFF')) text = text.slice(1)
    const blank = /^(?:\r\n|\r|\n)*/.exec(text)![0]
    const blanks = blank.match(/\r\n|\r|\n/g)?.length ?? 0
    return {line: this.lineBase + this.lastEndLine + 1 + blanks, text: text.slice(blank.length)}
  }
}
