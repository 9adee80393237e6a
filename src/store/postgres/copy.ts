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

// COPY's binary format: the server reads each value as it is stored, where the text format has
// it find the line and field ends, undo escapes and parse every number and timestamp. For the
// import's cases that was a sixth of the server's time copying them.

/** A column's type as the binary format writes it. */
export type CopyType = 'int4' | 'float8' | 'text' | 'timestamptz'

const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)])
const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})$/
/** PostgreSQL's timestamps count microseconds from 2000-01-01 UTC. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1)

/** Whether the binary format can carry this timestamp: the ISO 8601 form board writes them in. */
export const binaryTimestamp = (s: string | null | undefined): boolean => s === null || s === undefined || ISO.test(s)

function timestampMicros(s: string): bigint {
  const m = ISO.exec(s)
  const ms = m ? Date.parse(m[1] + m[3]) : Number.NaN
  if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 timestamp: "${s}"`)
  return BigInt(ms - PG_EPOCH_MS) * 1000n + BigInt((m![2] ?? '').padEnd(6, '0'))
}

/**
 * The rows in COPY's binary format, in buffers of about CHUNK_BYTES. Timestamps must be in the
 * ISO 8601 form binaryTimestamp accepts; the same one as the row before is not parsed again.
 */
export function* copyBinaryChunks(types: readonly CopyType[], rows: Iterable<readonly Param[]>): Generator<Buffer> {
  let buf = Buffer.allocUnsafe(CHUNK_BYTES)
  HEADER.copy(buf)
  let at = HEADER.length
  const lastTime: (string | undefined)[] = []
  const lastMicros: bigint[] = []
  for (const row of rows) {
    let most = 2
    for (let i = 0; i < row.length; i++) {
      const v = row[i]
      // A number's text (in a text column) is at most 24 bytes; a UTF-16 unit at most 3 of UTF-8.
      most += 4 + (typeof v === 'string' ? v.length * 3 : 24)
    }
    // The trailer after the last row fits too.
    if (at + most + 2 > buf.length) {
      if (at > 0) yield buf.subarray(0, at)
      buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, most + 2))
      at = 0
    }
    at = buf.writeInt16BE(row.length, at)
    for (let i = 0; i < row.length; i++) {
      const v = row[i]
      if (v === null) {
        at = buf.writeInt32BE(-1, at)
        continue
      }
      switch (types[i]) {
        case 'int4':
          at = buf.writeInt32BE(4, at)
          at = buf.writeInt32BE(Number(v), at)
          break
        case 'float8':
          at = buf.writeInt32BE(8, at)
          at = buf.writeDoubleBE(Number(v), at)
          break
        case 'timestamptz': {
          const t = String(v)
          if (lastTime[i] !== t) {
            lastMicros[i] = timestampMicros(t)
            lastTime[i] = t
          }
          at = buf.writeInt32BE(8, at)
          at = buf.writeBigInt64BE(lastMicros[i], at)
          break
        }
        default: {
          const n = buf.write(String(v), at + 4, 'utf8')
          buf.writeInt32BE(n, at)
          at += 4 + n
        }
      }
    }
  }
  at = buf.writeInt16BE(-1, at)
  yield buf.subarray(0, at)
}

/** Streams rows into `table (columns)` with COPY FROM STDIN in the binary format. */
export async function copyBinaryInto(client: pg.Client, table: string, columns: readonly (readonly [string, CopyType])[], rows: Iterable<readonly Param[]>): Promise<void> {
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.map(([name]) => name).join(', ')}) FROM STDIN (FORMAT binary)`))
  await pipeline(Readable.from(copyBinaryChunks(columns.map(([, type]) => type), rows)), stream)
}
