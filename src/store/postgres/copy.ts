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

export function copyLine(values: readonly Param[]): string {
  let line = copyField(values[0])
  for (let i = 1; i < values.length; i++) line += '\t' + copyField(values[i])
  return line + '\n'
}

/** Streams rows into `table (columns)` with COPY FROM STDIN, in chunks so memory stays flat. */
export async function copyInto(client: pg.Client, table: string, columns: readonly string[], rows: Iterable<readonly Param[]>): Promise<void> {
  const stream = client.query(copyStreams.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`))
  function* chunks() {
    let buf = ''
    for (const r of rows) {
      buf += copyLine(r)
      if (buf.length > 1 << 20) {
        yield buf
        buf = ''
      }
    }
    if (buf) yield buf
  }
  await pipeline(Readable.from(chunks()), stream)
}
