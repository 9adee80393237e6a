import iconv from 'iconv-lite'
import type {Readable} from 'node:stream'

import {type CsvItem, CsvScanner} from './csv-scan.js'
import {detectEncoding, type Encoding} from './encoding.js'

export type {CsvIssue, CsvItem, CsvRecord} from './csv-scan.js'

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
    for (;;) {
      const next = await it.next()
      if (next.done) return
      yield next.value as Buffer
    }
  }
  return {encoding, stream: all()}
}

/** Text decoding that keeps a character cut across two chunks whole; a UTF-8 BOM is dropped. */
function textDecoder(encoding: Encoding): {write(b: Buffer): string; end(): string} {
  if (encoding === 'gb18030') {
    const d = iconv.getDecoder('gb18030')
    return {write: (b) => d.write(b), end: () => d.end() ?? ''}
  }
  const d = new TextDecoder('utf-8')
  return {write: (b) => d.decode(b, {stream: true}), end: () => d.decode()}
}

/**
 * CSV records with the line each starts on. Malformed records are reported as issues, never
 * thrown: an import must go on past a bad row. Ragged rows are records here; the row check rejects them.
 */
export async function* csvRecords(stream: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<CsvItem> {
  const scanner = new CsvScanner()
  const dec = textDecoder(encoding)
  let out: CsvItem[] = []
  const emit = (item: CsvItem) => void out.push(item)
  for await (const chunk of stream) {
    scanner.push(dec.write(chunk), emit)
    if (out.length > 0) {
      const ready = out
      out = []
      yield* ready
    }
  }
  scanner.push(dec.end(), emit)
  scanner.end(emit)
  yield* out
}
