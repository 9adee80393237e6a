import pg from 'pg'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {binaryTimestamp, copyBinaryChunks, copyBinaryInto, type CopyType, copyInto} from '../../src/store/postgres/copy.js'
import type {Param} from '../../src/store/sql/executor.js'
import {backendList, PG_URL} from '../helpers/backends.js'

const postgres = backendList.filter((b) => b.name === 'postgres')
const COLUMNS: [string, CopyType][] = [['n', 'int4'], ['t', 'text'], ['at', 'timestamptz'], ['f', 'float8']]

describe('copyBinaryChunks', () => {
  it('keeps every value whole across chunks, numbers in text columns too', () => {
    // A number where text goes is written as its text: up to 24 bytes, not a number's 8.
    const rows = Array.from({length: 60_000}, (_, i): Param[] => [-(i + 1) / 3e300, -1 / 3e300, 'x', -i])
    const data = Buffer.concat([...copyBinaryChunks(['text', 'text', 'text', 'text'], rows)])
    let at = 19
    const back: string[][] = []
    for (let n = data.readInt16BE(at); n !== -1; n = data.readInt16BE(at)) {
      at += 2
      const row: string[] = []
      for (let f = 0; f < n; f++) {
        const len = data.readInt32BE(at)
        row.push(data.toString('utf8', at + 4, at + 4 + len))
        at += 4 + len
      }
      back.push(row)
    }
    expect(at + 2).toBe(data.length)
    expect(back).toEqual(rows.map((r) => r.map(String)))
  })
})

describe.runIf(postgres.length > 0)('COPY in the binary format', () => {
  const client = new pg.Client(PG_URL)
  beforeAll(async () => {
    await client.connect()
    await client.query("SET TIME ZONE 'Asia/Shanghai'")
    for (const t of ['by_text', 'by_binary']) await client.query(`CREATE TEMP TABLE ${t} (k SERIAL, n INTEGER, t TEXT, at TIMESTAMPTZ, f DOUBLE PRECISION)`)
  })
  afterAll(() => client.end())

  it('stores every value as the text format does', async () => {
    const big = '长'.repeat(700_000) // more than a chunk
    const rows: Param[][] = [
      [1, 'tab\there, line\nbreak\r, back\\slash \\N', '2024-02-28T01:00:00.000Z', 0.1],
      [-2147483648, '留言 😀 \u0001\u001f\u007f', '2024-02-29T09:30:15.123456+08:00', -1e-300],
      [2147483647, '', '1899-12-30T00:00:00Z', 1 / 3],
      [null, null, null, null],
      [0, big, '0099-01-01T00:00:00.5Z', 2.5],
      [7, 'x', '9999-12-31T23:59:59.999Z', 0],
      ...Array.from({length: 3000}, (_, i): Param[] => [i, '留言'.repeat(100), new Date(Date.UTC(2020, 0, 1) + i * 37_000).toISOString(), i / 7]),
    ]
    await copyInto(client, 'by_text', COLUMNS.map(([c]) => c), rows)
    await copyBinaryInto(client, 'by_binary', COLUMNS, rows)
    const read = async (t: string) => (await client.query(`SELECT n, t, at::text AS at, f::text AS f FROM ${t} ORDER BY k`)).rows
    const [text, binary] = [await read('by_text'), await read('by_binary')]
    expect(binary).toHaveLength(rows.length)
    expect(binary).toEqual(text)
    expect(binary[1]).toEqual({n: -2147483648, t: '留言 😀 \u0001\u001f\u007f', at: '2024-02-29 09:30:15.123456+08', f: '-1e-300'})
  })

  it('takes only the ISO 8601 timestamps it can write', () => {
    expect(binaryTimestamp('2024-02-28T01:00:00.000Z')).toBe(true)
    expect(binaryTimestamp('2024-02-28T01:00:00+08:00')).toBe(true)
    expect(binaryTimestamp(null)).toBe(true)
    expect(binaryTimestamp('2024-02-28 01:00:00')).toBe(false)
    expect(binaryTimestamp('2024-02-28')).toBe(false)
    expect(binaryTimestamp('2024-02-28T01:00:00.1234567Z')).toBe(false)
  })
})
