import pg from 'pg'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {grantAccess} from '../../src/services/db-grant.js'
import {exportCases, type ExportOptions} from '../../src/services/cases/export.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList, PG_URL} from '../helpers/backends.js'
import {dropRoles} from '../helpers/pg-roles.js'

// PostgreSQL writes a CSV export itself (COPY, or the cells that need no masking): its bytes must
// be the ones the value-by-value path writes for the same store, for text built to trip it up.

const postgres = backendList.filter((b) => b.name === 'postgres')
const now = new Date('2024-03-01T00:00:00Z')
const as = {actor: 'admin', now}

// Everything a spreadsheet or a CSV reader could take for something else, and personal data.
const HOSTILE = [
  '=SUM(A1:A9)', '+86 138 0013 8000', '-1', '@cmd', '\tTAB', '\rCR', ' =1+1', '\u3000＝1', '\u00a0-2', '\ufeff@x', '\u2028+1',
  '＋１', 'a,b', 'say "hi"', '"quoted"', 'line\nbreak', 'crlf\r\nend', '', ' ', "'already", '市民反映小区停水', '𠮷野家 🍜',
  '致电13812345678或(0731)84567890', '邮箱 someone@example.com，身份证 43010219900101123X', '１３８１２３４５６７８', 'A012345678',
  'plain', '=', '\\N', '\\.', 'tab\tinside', 'x\u2028y',
]
// Instants on either side of the changes to and from summer time in New York and Europe.
const TIMES = [
  '2021-03-14T06:59:59.999Z', '2021-03-14T07:00:00.000Z', '2021-11-07T05:30:00.000Z', '2021-11-07T06:30:00.000Z',
  '2021-03-28T00:59:59.000Z', '2021-03-28T01:00:00.001Z', '2019-12-31T16:00:00.000Z', '2024-02-29T23:59:59.500Z',
]

const pick = (i: number, k: number) => HOSTILE[(i * 7 + k * 3) % HOSTILE.length]
const nullable = (i: number, k: number) => ((i + k) % 5 === 0 ? null : pick(i, k))
const message = (i: number): IncomingCase => ({
  source: pick(i, 0) === '' ? 's' : pick(i, 0), ref: `r${i}${pick(i, 1)}`, title: pick(i, 2), body: `${pick(i, 3)}${i % 3 === 0 ? pick(i, 4) : ''}`,
  author: nullable(i, 5), contact: nullable(i, 6), postedAt: TIMES[i % TIMES.length], region: nullable(i, 7), addressee: nullable(i, 8),
  type: null, category: i % 4 === 0 ? '交通运输' : nullable(i, 10), likes: i % 3 === 0 ? null : i, dislikes: i % 2,
  reply: null, resolvedAt: i % 6 === 0 ? TIMES[(i + 3) % TIMES.length] : null, extra: null,
})

/** The export as written with the database's help, and as written value by value. */
async function both(store: Store, opts: Partial<ExportOptions> = {}): Promise<{fast: string; byValue: string}> {
  const run = async (s: Store) => {
    let text = ''
    await exportCases(s, {
      format: 'csv', filter: {}, redact: true, tz: 'America/New_York', actor: 'tester', now, pageSize: 7,
      write: async (chunk) => void (text += chunk), ...opts,
    })
    return text
  }
  expect(store.cases.exportCsv).toBeTypeOf('function')
  const valueByValue = {...store, cases: Object.create(store.cases, {exportCsv: {value: undefined}})} as Store
  return {fast: await run(store), byValue: await run(valueByValue)}
}

describe.each(postgres)('CSV export written by $name', (backend) => {
  const tag = `${process.pid}_${Date.now().toString(36)}`
  const clerk = `board_t_exp_${tag}`
  let url: string
  let schema: string
  let owner: Store
  const stores: Store[] = []
  const as_ = (role: string, zone: string) => {
    const u = new URL(url)
    u.username = role
    // The session's zone must not leak into the times (they leave as UTC, as Date.toISOString).
    u.searchParams.set('options', `-c TimeZone=${zone}`)
    return u.toString()
  }

  beforeAll(async () => {
    url = await backend.location()
    schema = new URL(url).searchParams.get('schema')!
    owner = await openStore(url, {now})
    const a = await owner.units.upsert({code: 'A', name: '=A市,"东"'}, as)
    const b = await owner.units.upsert({code: 'B', name: 'B市\n西'}, as)
    const outcomes = await owner.cases.importBatch(Array.from({length: 120}, (_, i) => message(i)), as)
    for (const [i, o] of outcomes.entries()) {
      if (i % 3 !== 2) await owner.cases.change(o.id, {unitId: i % 3 === 0 ? a.id : b.id}, {...as, action: 'assign'})
    }
    // What board itself never writes but raw SQL can: microseconds, empty and odd text in every column.
    const c = new pg.Client({connectionString: PG_URL})
    await c.connect()
    try {
      await c.query(`SET search_path TO "${schema}"`)
      await c.query(`INSERT INTO handlers (code, name, unit_id, created_at) VALUES ('h1', '@王,"五"', $1, now())`, [a.id])
      await c.query(`UPDATE cases SET posted_at = '2021-06-01 12:00:00.123456+00', respond_due_at = '2021-06-02 00:00:00.999999+00',
        author = '', contact = '', region = E'\\t-1' WHERE id = $1`, [outcomes[1].id])
      await c.query(`UPDATE cases SET resolve_due_at = '1999-12-31 23:59:59.0005+00', handler_id = (SELECT min(id) FROM handlers)
        WHERE id = $1`, [outcomes[4].id])
    } finally {
      await c.end()
    }
    await grantAccess(owner, {role: clerk, unit: 'A', actor: 'admin', now})
  })

  afterAll(async () => {
    for (const s of stores) await s.close()
    await owner?.close()
    await backend.cleanup()
    await dropRoles([clerk])
  })

  it('unmasked (COPY) writes the same bytes as the value-by-value path', async () => {
    const store = await openStore(as_(new URL(url).username || 'postgres', 'America/New_York'), {now})
    stores.push(store)
    const {fast, byValue} = await both(store, {redact: false})
    expect(fast.startsWith('\uFEFFid,source,ref,postedAt,')).toBe(true)
    expect(fast).toContain("'=SUM(A1:A9)")
    expect(fast).toContain('2021-06-01T12:00:00.123Z')
    expect(fast.split('\n').length).toBeGreaterThan(121)
    expect(fast).toBe(byValue)
  })

  it('masked writes the same bytes, personal data masked', async () => {
    const store = await openStore(as_(new URL(url).username || 'postgres', 'Europe/Berlin'), {now})
    stores.push(store)
    const {fast, byValue} = await both(store)
    // title, body and author masked (ref and the other columns are not)
    expect(fast).toContain('致电138****5678或(0731)******90')
    expect(fast).toContain('s***@example.com')
    expect(fast).toBe(byValue)
  })

  it('filters by unit, category and time exactly as the value-by-value path', async () => {
    const store = await openStore(url, {now})
    stores.push(store)
    for (const redact of [false, true]) {
      for (const filter of [{unit: 'B'}, {unit: '=A市,"东"', category: '交通运输'}, {since: '2021-03-14T07:00:00.000Z', until: '2021-11-07T06:30:00.000Z'}]) {
        const {fast, byValue} = await both(store, {redact, filter})
        expect(fast).toBe(byValue)
        expect(fast.length).toBeGreaterThan(200)
      }
    }
  })

  it('a clerk\'s export holds only the cases of their unit', async () => {
    const store = await openStore(as_(clerk, 'Asia/Shanghai'), {now})
    stores.push(store)
    const {fast, byValue} = await both(store)
    expect(fast).toBe(byValue)
    expect(fast).toContain(`"'=A市,""东"""`)
    expect(fast).not.toContain('B市')
    const all = await both(owner)
    expect(all.fast).toContain('B市')
    await expect(both(store, {redact: false})).rejects.toThrow(/--no-redact/)
  })

  it('counts what it wrote, and stops when asked', async () => {
    const store = await openStore(url, {now})
    stores.push(store)
    const count = async (redact: boolean) =>
      (await exportCases(store, {format: 'csv', filter: {}, redact, tz: 'UTC', actor: 't', now, write: async () => {}})).count
    expect(await count(false)).toBe(120)
    expect(await count(true)).toBe(120)
    const stop = new AbortController()
    stop.abort()
    const stopped = await exportCases(store, {format: 'csv', filter: {}, redact: false, tz: 'UTC', actor: 't', now, write: async () => {}, signal: stop.signal})
    expect(stopped.count).toBeLessThan(120)
    // the connection is usable after a cancelled COPY
    expect(await store.cases.count({})).toBe(120)
  })
})
