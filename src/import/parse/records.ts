import iconv from 'iconv-lite'
import type {Readable} from 'node:stream'

import type {CsvItem} from './csv-item.js'
import {detectEncoding, type Encoding} from './encoding.js'
import {FastCsvReader} from './fast-csv-reader.js'

export type {CsvIssue, CsvItem, CsvRecord} from './csv-item.js'

/** A file's records, in batches, and the encoding they were read in. */
export interface RecordSource {
  encoding: Encoding | 'json'
  batches: AsyncGenerator<CsvItem[]>
}

/** The CSV records of a stream, its encoding detected unless forced. */
export async function csvSource(input: Readable, forced?: Encoding): Promise<RecordSource> {
  const sniffed = await sniffEncoding(input, forced)
  return {encoding: sniffed.encoding, batches: csvBatches(sniffed.stream, sniffed.encoding)}
}

/** Reads enough of the stream to decide its encoding, then hands back a stream of all of it. */
export async function sniffEncoding(input: Readable, forced?: Encoding): Promise<{encoding: Encoding; stream: AsyncIterable<Buffer>}> {
  const it = input[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let size = 0
  let done = false
  while (size < 65_536) {
    const next = await it.next()
    if (next.done) {
      done = true
      break
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value)
    head.push(chunk)
    size += chunk.length
  }
  const first = Buffer.concat(head)
  const encoding = forced ?? detectEncoding(first)
  async function* all() {
    if (first.length > 0) yield first
    if (done) return
    try {
      for (;;) {
        const next = await it.next()
        if (next.done) return
        yield next.value as Buffer
      }
    } finally {
      // A reader that stops early (a record csv-parse cannot get past) closes the file too.
      await it.return?.()
    }
  }
  return {encoding, stream: all()}
}

/** GB18030 to text, keeping a character cut across two chunks whole (the reader decodes UTF-8). */
function gbDecoder(): {write(b: Buffer): string; end(): string} {
  const d = iconv.getDecoder('gb18030')
  return {write: (b) => d.write(b), end: () => d.end() ?? ''}
}

/**
 * CSV records with the line each starts on, read as csv-parse reads them (FastCsvReader).
 * Malformed records are reported as issues, never thrown: an import must go on past a bad row.
 * Ragged rows are records here; the row check rejects them. A record csv-parse cannot get past (a
 * quote never closed) ends the file with an issue saying so; a record over MAX_RECORD_BYTES is one issue.
 */
export async function* csvRecords(stream: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<CsvItem> {
  for await (const batch of csvBatches(stream, encoding)) yield* batch
}

/** csvRecords a chunk's worth at a time. */
export async function* csvBatches(stream: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<CsvItem[]> {
  const reader = new FastCsvReader()
  const dec = encoding === 'gb18030' ? gbDecoder() : null
  const some = (items: CsvItem[]) => items.length > 0
  for await (const chunk of stream) {
    const items = reader.write(dec ? dec.write(chunk) : chunk)
    if (some(items)) yield items
    if (reader.stopped) break
  }
  if (!reader.stopped && dec) {
    const items = reader.write(dec.end())
    if (some(items)) yield items
  }
  const rest = await reader.end()
  if (some(rest)) yield rest
}
