import Papa from 'papaparse'

import {CsvReader, MAX_RECORD_BYTES} from './csv-reader.js'
import type {CsvItem} from './csv-item.js'

// papaparse reads well-formed CSV several times as fast as csv-parse, and parsing is what an
// import of a large export waits on. But the two differ
// on malformed text, and what an import keeps or rejects there is csv-parse's (CsvReader): any of
// \r\n, \n and \r ends a record, a closing quote must be followed by a comma or a line end, a
// record over MAX_RECORD_BYTES is skipped. So papaparse reads only text on which both give the
// same records; from the first record where they could differ, CsvReader takes over for the rest
// of the file. A clean export, with \n or \r\n line ends (Excel's), stays on papaparse throughout.

/**
 * Text papaparse (told "\n" ends a line) might read otherwise than csv-parse: a lone \r (a line end
 * to csv-parse; one at the very end may be half of a \r\n cut by the chunk); a closing quote
 * followed by blanks before a comma or line end (papaparse drops them, csv-parse rejects the
 * record; "\r\n" is the one allowed); a line that is only "" (papaparse cannot tell it from an
 * empty line, which is skipped; csv-parse keeps it as a record).
 */
const DIFFERS = /\r(?!\n|$)|"(?:[^\S\n]{2,}[,\n]|[^\S\r\n][,\n])|(?:^|\n)""\r?\n/
/** The same "" line as the file's last (elsewhere it may be the start of a longer quoted value). */
const LAST_QUOTED_EMPTY = /(?:^|\n)""$/

interface PapaResult {
  data: string[][]
  errors: {row: number}[]
  meta: {cursor: number}
}

/** Reads CSV like CsvReader (same records, lines and issues), on papaparse while the text allows. */
export class FastCsvReader {
  // Papa.Parser is the engine papaparse's own chunked readers drive: parse(text, 0, true) reads the
  // complete records and says where the unfinished one starts.
  private readonly papa = new Papa.Parser({delimiter: ',', newline: '\n', quoteChar: '"'}) as unknown as {
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaResult
  }
  // Decodes UTF-8 chunks (dropping a BOM) with a character cut between two chunks kept whole.
  private readonly decoder = new TextDecoder()
  private started = false
  /** Text after the last complete record. */
  private pending = ''
  /** The file line the pending text starts on. */
  private line = 1
  private slow: CsvReader | undefined

  constructor(private readonly maxBytes = MAX_RECORD_BYTES) {}

  /** True once CsvReader has taken over (the text could be read two ways). */
  get handedOver(): boolean {
    return this.slow !== undefined
  }

  get stopped(): boolean {
    return this.slow?.stopped ?? false
  }

  /** Parses a chunk (UTF-8 bytes, or text) and hands back the items it completed. */
  write(chunk: string | Buffer): CsvItem[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, {stream: true})
    if (!this.started && text.length > 0) {
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    }
    if (this.slow) return this.slow.write(text)
    const items = this.read(this.pending + text, false)
    // An unfinished record this long may be one csv-parse refuses (or a quote never closed):
    // CsvReader decides, as it counts bytes.
    if (!this.slow && this.pending.length * 3 > this.maxBytes) return [...items, ...this.handOver(this.pending)]
    return items
  }

  async end(): Promise<CsvItem[]> {
    const rest = this.decoder.decode()
    if (this.slow) return [...this.slow.write(rest), ...(await this.slow.end())]
    const text = this.pending + rest
    this.pending = ''
    const items = text === '' ? [] : this.read(text, true)
    return this.slow ? [...items, ...(await (this.slow as CsvReader).end())] : items
  }

  private read(text: string, last: boolean): CsvItem[] {
    if (DIFFERS.test(text) || (last && LAST_QUOTED_EMPTY.test(text))) return this.handOver(text)
    const r = this.papa.parse(text, 0, !last)
    const rows = r.data
    // An error in the unfinished record (its row index is past the complete ones) may go away
    // with the next chunk; one in a complete record means the readers may differ there.
    if (r.errors.some((e) => e.row < rows.length)) return this.handOver(text)
    const lines: number[] = []
    for (const values of rows) {
      // Told "\n" ends a line, papaparse leaves a \r\n line end's \r on an unquoted last value.
      const n = values.length - 1
      const lastValue = values[n]
      if (lastValue.length > 0 && lastValue.charCodeAt(lastValue.length - 1) === 13) values[n] = lastValue.slice(0, -1)
      let breaks = 0
      let size = 0
      for (const v of values) {
        size += v.length
        if (v.includes('\n') || v.includes('\r')) breaks += v.match(/\r\n|\r|\n/g)!.length
      }
      if (size * 3 > this.maxBytes) return this.handOver(text)
      lines.push(breaks)
    }
    const items: CsvItem[] = []
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i]
      // An empty line (CSV readers skip it; it still counts).
      if (!(values.length === 1 && values[0] === '')) items.push({kind: 'record', record: {line: this.line, values}})
      this.line += 1 + lines[i]
    }
    this.pending = last ? '' : text.slice(r.meta.cursor)
    return items
  }

  /** CsvReader reads the text (which starts a record) and the rest of the file. */
  private handOver(text: string): CsvItem[] {
    this.slow = new CsvReader(this.maxBytes, this.line - 1)
    this.pending = ''
    return this.slow.write(text)
  }
}
