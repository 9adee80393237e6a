import type pg from 'pg'
import copyStreams from 'pg-copy-streams'
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'

import type {Param} from '../sql/executor.js'

// COPY's text format: one line a row, tab between fields, \N for NULL, backslash escapes.
// Text cannot carry NUL bytes; import rejects those rows before they get here.
const ESCAPES: Record<string, string> = {'\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'}

const SPECIAL = /[\\\t\n\r]/
const SPECIALS = /[\\\t\n\r]/g

export function copyField(v: Param): string {
  if (v === null) return '\\N'
  if (typeof v === 'number') return String(v)
  // Most fields need no escape: testing first spares the copy replace() would make.
  return SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPES[c]) : v
}

/** What COPY is sent at a time: large enough that framing and socket writes cost nothing a row. */
const CHUNK_BYTES = 1 << 20

/**
 * The rows as COPY text, UTF-8 encoded straight into buffers of about CHUNK_BYTES. A string
 * handed to the COPY stream would be joined to others, flattened and encoded again on its way
 * to the socket; on a large import that was the writer thread's largest cost after the GC. A row
 * is joined first and encoded by one call: a call a field cost more than the encoding itself.
 */
export function* copyChunks(rows: Iterable<readonly Param[]>): Generator<Buffer> {
  let buf = Buffer.allocUnsafe(CHUNK_BYTES)
  let at = 0
  for (const row of rows) {
    let line = copyField(row[0])
    for (let i = 1; i < row.length; i++) line += '\t' + copyField(row[i])
    line += '\n'
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    const most = line.length * 3
    if (at + most > buf.length) {
      if (at > 0) yield buf.subarray(0, at)
      buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most))
      at = 0
    }
    at += buf.write(line, at, 'utf8')
  }
  if (at > 0) yield buf.subarray(0, at)
}

/** Streams rows into `table (columns)` with COPY FROM STDIN, in chunks so memory stays flat. */
export async function copyInto(client: pg.Client, table: string, columns: readonly string[], rows: Iterable<readonly Param[]>): Promise<void> {
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`))
  await pipeline(Readable.from(copyChunks(rows)), stream)
}
