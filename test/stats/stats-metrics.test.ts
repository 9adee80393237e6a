import Database from 'better-sqlite3'
import pg from 'pg'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {computeStats} from '../../src/services/stats/stats.js'
import type {Store} from '../../src/store/store.js'
import {type Backend, backendList} from '../helpers/backends.js'

const NOW = new Date('2024-03-01T00:00:00Z')
const opts = {actor: 'test', now: NOW}

function incoming(ref: string, postedAt: string, type: IncomingCase['type']): IncomingCase {
  return {
    source: 's', ref, title: `t${ref}`, body: '', author: null, contact: null, postedAt, region: null, addressee: null, type,
    category: '交通运输', likes: 0, dislikes: 0, reply: null, resolvedAt: null, extra: null,
  }
}

// There is no ratings repository yet (the ratings issue adds one): rows go in with the driver.
async function addRating(backend: Backend, location: string, caseId: number, satisfied: 0 | 1, id: number) {
  const sql = 'INSERT INTO ratings (case_id, satisfied, rated_at, actor) VALUES ($1, $2, $3, $4)'
  const args = [caseId, satisfied, `2024-02-0${id}T00:00:00.000Z`, 'citizen']
  if (backend.name === 'sqlite') {
    const db = new Database(location)
    db.prepare(sql.replace(/\$\d/g, '?')).run(...args)
    db.close()
  } else {
    const url = new URL(location)
    const schema = url.searchParams.get('schema')!
    url.search = ''
    const c = new pg.Client({connectionString: url.toString()})
    await c.connect()
    await c.query(`SET search_path TO "${schema}"`)
    await c.query(sql, args)
    await c.end()
  }
}

describe.each(backendList)('stats metrics on hand-made cases ($name)', (backend) => {
  let store: Store
  let location: string
  beforeAll(async () => {
    location = await backend.location()
    const {openStore} = await import('../../src/store/open.js')
    store = await openStore(location, {now: NOW})
    await store.units.upsert({code: 'JT', name: '市交通局'}, opts)
    await store.units.upsert({code: 'ZJ', name: '市住建局'}, opts)
    await store.handlers.upsert({code: 'wang', name: '王芳', unitCode: 'JT'}, opts)
    await store.cases.importBatch(
      [
        incoming('1', '2024-01-01T00:00:00.000Z', 'suggestion'),
        incoming('2', '2024-01-02T00:00:00.000Z', 'complaint'),
        incoming('3', '2024-01-03T00:00:00.000Z', 'complaint'),
        incoming('4', '2024-01-04T00:00:00.000Z', 'inquiry'),
      ],
      opts,
    )
    const id = async (ref: string) => (await store.cases.getByRef('s', ref))!.id
    const jt = (await store.units.find('JT'))!.id
    const zj = (await store.units.find('ZJ'))!.id
    const change = (ref: string, patch: Parameters<Store['cases']['change']>[1]) => id(ref).then((i) => store.cases.change(i, patch, {...opts, action: 'test'}))
    // 1: replied after 1 day (due in 2: on time), resolved after 3 (due in 2: late)
    const wang = (await store.handlers.find('wang'))!.id
    await change('1', {handlerId: wang, unitId: jt, respondDueAt: '2024-01-03T00:00:00.000Z', respondedAt: '2024-01-02T00:00:00.000Z', resolveDueAt: '2024-01-03T00:00:00.000Z', resolvedAt: '2024-01-04T00:00:00.000Z', status: 'closed'})
    // 2: replied after 4 days (due in 2: late), then reopened
    await change('2', {unitId: jt, respondDueAt: '2024-01-04T00:00:00.000Z', respondedAt: '2024-01-06T00:00:00.000Z', status: 'replied'})
    await change('2', {status: 'reopened'})
    await change('2', {status: 'replied'})
    // 3: due long ago, never replied: late. 4: no deadline, not counted for on-time.
    await change('3', {unitId: zj, respondDueAt: '2024-01-10T00:00:00.000Z'})
    await addRating(backend, location, await id('1'), 0, 1)
    await addRating(backend, location, await id('1'), 1, 2) // the latest rating counts for satisfaction
    await addRating(backend, location, await id('3'), 1, 3)
  }, 60_000)
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('per unit: shares, durations, satisfaction, reopen rate and on-time rates', async () => {
    const r = await computeStats(store, {by: ['unit'], filter: {}, tz: 'Asia/Shanghai', now: NOW})
    const jt = r.rows.find((x) => x.key.unit === '市交通局')!
    const zj = r.rows.find((x) => x.key.unit === '市住建局')!
    const none = r.rows.find((x) => x.key.unit === null)!
    expect([jt.count, zj.count, none.count]).toEqual([2, 1, 1])
    expect(jt.share).toBe(0.5)
    expect(jt.repliedShare).toBe(1)
    expect(jt.suggestionShare).toBe(0.5)
    expect(jt.respondDays).toMatchObject({n: 2, mean: 2.5, median: 2.5})
    expect(jt.respondDays.p90).toBeCloseTo(3.7, 6)
    expect(jt.resolveDays).toMatchObject({n: 1, mean: 3, median: 3})
    expect(jt.onTime).toEqual({respond: 0.5, resolve: 0})
    expect(zj.onTime).toEqual({respond: 0, resolve: null})
    expect(none.onTime).toEqual({respond: null, resolve: null})
    // case 1 was rated unsatisfied once (a reopen), case 2 was reopened by status
    expect(jt.reopenRate).toBe(1)
    expect(jt.satisfiedShare).toBe(1)
    expect(zj.satisfiedShare).toBe(1)
    expect(zj.reopenRate).toBe(0)
    expect(none.satisfiedShare).toBeNull()
  })

  it('filters by unit and category; type names group', async () => {
    const byType = await computeStats(store, {by: ['type'], filter: {unit: 'JT'}, tz: 'Asia/Shanghai', now: NOW})
    expect(byType.rows.map((x) => [x.key.type, x.count])).toEqual([['complaint', 1], ['suggestion', 1]])
    expect((await computeStats(store, {by: [], filter: {category: '环境保护'}, tz: 'Asia/Shanghai', now: NOW})).rows).toEqual([])
    const byHandler = await computeStats(store, {by: ['unit', 'handler'], filter: {}, tz: 'Asia/Shanghai', now: NOW})
    const keyed = byHandler.rows.map((x) => [x.key.unit, x.key.handler, x.count])
    expect(keyed).toContainEqual(['市交通局', '王芳', 1])
    expect(keyed).toContainEqual(['市交通局', null, 1])
    expect(byHandler.rows.reduce((n, x) => n + x.count, 0)).toBe(4)
    await expect(computeStats(store, {by: [], filter: {}, tz: 'Mars/Olympus', now: NOW})).rejects.toThrow(/time zone/)
  })
})
