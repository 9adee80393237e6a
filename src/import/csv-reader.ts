import {type CsvError, type Info, Parser} from 'csv-parse'

import type {CsvItem} from './csv-item.js'

// csv-parse (the stack's CSV engine) fed chunk by chunk. Its callbacks run synchronously inside
// write(), so records and skips come out in file order. csv-parse reports the line a record ENDS
// on; the start is derived here, and a "\r\n" inside a quoted value, which csv-parse counts as
// two lines, is counted as one.

/** csv-parse counts bytes; 6 MB is about 2,000,000 Chinese characters. */
export const MAX_RECORD_BYTES = 6_000_000
const RAW_CHARS = 10_000

export class CsvReader {
  private readonly parser: Parser
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

  /** lineBase: lines of the file before the text this reader is given (when it takes over mid-file). */
  constructor(
    private readonly maxBytes = MAX_RECORD_BYTES,
    private readonly lineBase = 0,
  ) {
    this.parser = new Parser({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_records_with_error: true,
      skip_empty_lines: true,
      max_record_size: maxBytes,
      // \r\n, \n and lone \r (old Mac Excel) all end a record, also mixed in one file.
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (values: string[], info: Info) => this.record(values, info),
      on_skip: (err) => this.skip(err),
    })
    this.parser.resume()
  }

  /** Parses a chunk (UTF-8 bytes, or text) and hands back the items it completed. */
  write(chunk: string | Buffer): CsvItem[] {
    if (this.stopped || chunk.length === 0) return this.take()
    // UTF-8 bytes go in as read: csv-parse decodes each field once (invalid bytes become U+FFFD).
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    this.tail.push(buf)
    this.parser.write(buf)
    while (this.tail.length > 1 && this.tailStart + this.tail[0].length <= this.lastEnd) this.tailStart += this.tail.shift()!.length
    return this.take()
  }

  async end(): Promise<CsvItem[]> {
    if (this.stopped) this.parser.destroy()
    else await new Promise<void>((resolve, reject) => this.parser.end((error?: Error | null) => (error ? reject(error) : resolve())))
    return this.take()
  }

  private take(): CsvItem[] {
    const items = this.out
    this.out = []
    return items
  }

  private record(values: string[], info: Info): null {
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
    if (this.stopped || !err) return
    if (err.code === 'CSV_QUOTE_NOT_CLOSED' || err.code === 'CSV_MAX_RECORD_SIZE') {
      // Neither error carries the record's text: it is the text since the last record's end.
      const {line, text} = this.unfinished()
      const rest = `the rest of the file from line ${line} was not imported`
      const reason =
        err.code === 'CSV_QUOTE_NOT_CLOSED'
          ? `a quoted field is never closed: ${rest} (its text is the raw column)`
          : `record over ${this.maxBytes.toLocaleString('en')} bytes (an unclosed quote?): ${rest} (raw: its first line)`
      const raw = err.code === 'CSV_QUOTE_NOT_CLOSED' ? text.replace(/(?:\r\n|\r|\n)$/, '') : text.split(/\r\n|\r|\n/, 1)[0].slice(0, RAW_CHARS)
      this.out.push({kind: 'issue', issue: {line, reason, raw}})
      // After a record over the limit csv-parse drops every later chunk: stop reading.
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
