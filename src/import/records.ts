import {parse} from 'csv-parse'
import {createReadStream} from 'node:fs'
import {Readable} from 'node:stream'

import {decoder, detectEncoding, type Encoding} from './encoding.js'

export interface CsvRecord {
  /** Line of the file where the record starts (1-based, header is line 1). */
  line: number
  values: string[]
}

export interface CsvIssue {
  line: number
  reason: string
  raw: string
}

export type CsvItem = {kind: 'record'; record: CsvRecord} | {kind: 'issue'; issue: CsvIssue}

/** Bytes of a file or of stdin ("-"). */
export function openInput(file: string): Readable {
  return file === '-' ? process.stdin : createReadStream(file, {highWaterMark: 1 << 20})
}

/** Reads enough of the stream to decide its encoding, then hands back a stream of all of it. */
export async function sniffEncoding(input: Readable, forced?: Encoding): Promise<{encoding: Encoding; stream: Readable}> {
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
    for (;;) {
      const next = await it.next()
      if (next.done) return
      yield next.value as Buffer
    }
  }
  return {encoding, stream: Readable.from(all(), {objectMode: false})}
}

/**
 * CSV records with their starting line. Malformed records are reported as issues, never thrown:
 * an import must go on past a bad row. Ragged rows are records here; the row check rejects them.
 */
export async function* csvRecords(stream: Readable, encoding: Encoding): AsyncGenerator<CsvItem> {
  const issues: CsvIssue[] = []
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    skip_empty_lines: true,
    info: true,
    raw: false,
    max_record_size: 2_000_000,
  })
  parser.on('skip', (err: Error & {lines?: number; raw?: string; record?: string[]}) => {
    issues.push({line: err.lines ?? 0, reason: err.message, raw: err.raw ?? (err.record ?? []).join(',')})
  })
  const dec = decoder(encoding)
  const source = dec ? stream.pipe(dec) : stream
  source.on('error', (e) => parser.destroy(e))
  source.pipe(parser)
  let prevEnd = 0
  try {
    for await (const item of parser as AsyncIterable<{record: string[]; info: {lines: number}}>) {
      while (issues.length > 0) yield {kind: 'issue', issue: issues.shift()!}
      const line = prevEnd + 1
      prevEnd = item.info.lines
      yield {kind: 'record', record: {line, values: item.record}}
    }
  } catch (error) {
    // An unterminated quote at the end of the input: report it, keep every record read before it.
    const e = error as Error & {lines?: number}
    issues.push({line: e.lines ?? prevEnd + 1, reason: e.message, raw: ''})
  }
  while (issues.length > 0) yield {kind: 'issue', issue: issues.shift()!}
}
