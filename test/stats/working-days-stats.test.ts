import {readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {importFiles} from '../../src/import/import-service.js'
import {importCases} from '../../src/services/cases/import.js'
import {computeStats} from '../../src/services/stats/stats.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {DATA, ROOT} from '../helpers/run-cli.js'

// Working-day handling times against figures computed here from the CSV and the holiday-cn JSON
const data = DATA
const FILE = join(data, 'tipdm2020c', 'replied_messages.csv')
const DAY = 86_400_000
const NOW = new Date('2024-01-01T00:00:00Z')

// date → working? from every holiday file, merged by date (a file may list the previous December).
const exceptions = new Map<string, boolean>()
for (const f of readdirSync(join(ROOT, 'data', 'holidays')).filter((n) => n.endsWith('.json'))) {
  const doc = JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', f), 'utf8')) as {days: {date: string; isOffDay: boolean}[]}
  for (const d of doc.days) exceptions.set(d.date, !d.isOffDay)
}
const isWorking = (wallDayStart: number): boolean => {
  const date = new Date(wallDayStart).toISOString().slice(0, 10)
  const wd = new Date(wallDayStart).getUTCDay()
  return exceptions.get(date) ?? (wd !== 0 && wd !== 6)
}
/** "YYYY-MM-DD hh:mm:ss" as wall-clock milliseconds (no zone involved). */
const wall = (s: string): number => Date.parse(s.trim().replace(' ', 'T') + 'Z')
/** Time inside working days between two wall-clock moments, in days. */
function workingDays(from: number, to: number): number {
  let total = 0
  for (let day = Math.floor(from / DAY) * DAY; day < to; day += DAY) {
    if (isWorking(day)) total += Math.max(0, Math.min(day + DAY, to) - Math.max(day, from))
  }
  return total / DAY
}

function expectedByYear(): Map<string, {mean: number; median: number}> {
  const rows = parse(readFileSync(FILE), {columns: true, bom: true}) as Record<string, string>[]
  const byYear = new Map<string, number[]>()
  for (const r of rows) {
    const year = r['留言时间'].trim().slice(0, 4)
    byYear.set(year, [...(byYear.get(year) ?? []), workingDays(wall(r['留言时间']), wall(r['答复时间']))])
  }
  const out = new Map<string, {mean: number; median: number}>()
  for (const [year, ds] of byYear) {
    const s = [...ds].sort((a, b) => a - b)
    const mid = Math.floor(s.length / 2)
    out.set(year, {mean: s.reduce((a, b) => a + b, 0) / s.length, median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2})
  }
  return out
}

describe.each(backendList)('working-day handling times ($name)', (backend) => {
  let store: Store
  beforeAll(async () => {
    const {openStore} = await import('../../src/store/open.js')
    store = await openStore(await backend.location(), {now: NOW})
    await importFiles(store, {
      files: [FILE], source: 'replied', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: `${tmpdir()}/board-wdays-rejects-${process.pid}.csv`,
      dryRun: false, actor: 'test', now: () => NOW,
    })
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('mean and median reply working days per year equal figures computed from the CSV and holiday files', async () => {
    const result = await computeStats(store, {by: ['year'], filter: {}, tz: 'Asia/Shanghai', now: NOW})
    expect(result.workingDays).toBe(true)
    const expected = expectedByYear()
    expect(result.rows.map((r) => r.key.year)).toEqual([...expected.keys()].sort())
    expect(result.rows.some((r) => r.respondWorkingDays.mean! < r.respondDays.mean! - 1)).toBe(true)
    for (const row of result.rows) {
      const e = expected.get(row.key.year!)!
      expect(row.respondWorkingDays.n, row.key.year!).toBe(row.respondDays.n)
      expect(row.respondWorkingDays.mean, row.key.year!).toBeCloseTo(e.mean, 6)
      expect(row.respondWorkingDays.median, row.key.year!).toBeCloseTo(e.median, 6)
      // Weekends and holidays only ever take time away (equal when every reply came within working days).
      expect(row.respondWorkingDays.mean!).toBeLessThanOrEqual(row.respondDays.mean! + 1e-6)
      expect(row.respondWorkingDays.p90!).toBeGreaterThanOrEqual(row.respondWorkingDays.median!)
    }
  })

  it('across National Day 2019: 30 Sep 10:00 → 8 Oct 10:00 is one working day; → 12 Oct (调休 Saturday) 10:00 is five', async () => {
    const c: IncomingCase = {
      source: 'hand', ref: 'nd2019', title: '国庆', body: '', author: null, contact: null, postedAt: '2019-09-30T02:00:00.000Z', region: null,
      addressee: null, type: 'inquiry', category: '国庆测试', likes: 0, dislikes: 0, reply: null, resolvedAt: null, extra: null,
    }
    await store.cases.importBatch([c], {actor: 'test', now: NOW})
    const id = (await store.cases.getByRef('hand', 'nd2019'))!.id
    await store.cases.change(id, {respondedAt: '2019-10-08T02:00:00.000Z', resolvedAt: '2019-10-12T02:00:00.000Z'}, {actor: 'test', now: NOW, action: 'test'})
    const [row] = (await computeStats(store, {by: [], filter: {category: '国庆测试'}, tz: 'Asia/Shanghai', now: NOW})).rows
    // Mon 30 Sep 10:00–24:00 is 14 h of a working day; 1–7 Oct is the National Day holiday (off);
    // Tue 8 Oct 00:00–10:00 adds 10 h: 24 h = 1 working day, against 8 calendar days.
    expect(row.respondDays.mean).toBeCloseTo(8, 9)
    expect(row.respondWorkingDays).toMatchObject({n: 1})
    expect(row.respondWorkingDays.mean).toBeCloseTo(1, 9)
    // To Sat 12 Oct 10:00: 14 h + 8–11 Oct (4 days) + 10 h of the make-up Saturday (调休) = 5.
    expect(row.resolveWorkingDays.median).toBeCloseTo(5, 9)
    expect(row.resolveDays.median).toBeCloseTo(12, 9)
  })

  it('a changed reply time and a new holiday calendar are reflected in the next run, not the stored figures', async () => {
    const c: IncomingCase = {
      source: 'hand', ref: 'stale1', title: '改期', body: '', author: null, contact: null, postedAt: '2019-09-30T02:00:00.000Z', region: null,
      addressee: null, type: 'inquiry', category: '改期测试', likes: 0, dislikes: 0, reply: {body: '已办', sentAt: '2019-10-08T02:00:00.000Z'},
      resolvedAt: null, extra: null,
    }
    await store.cases.importBatch([c], {actor: 'test', now: NOW})
    const figures = async () => (await computeStats(store, {by: [], filter: {category: '改期测试'}, tz: 'Asia/Shanghai', now: NOW})).rows[0]
    expect((await figures()).respondWorkingDays.mean).toBeCloseTo(1, 9)
    // Tue 8 Oct 10:00 → Wed 9 Oct 10:00: one more working day, one more calendar day.
    const id = (await store.cases.getByRef('hand', 'stale1'))!.id
    await store.cases.change(id, {respondedAt: '2019-10-09T02:00:00.000Z'}, {actor: 'test', now: NOW, action: 'test'})
    const changed = await figures()
    expect(changed.respondDays.mean).toBeCloseTo(9, 9)
    expect(changed.respondWorkingDays.mean).toBeCloseTo(2, 9)
    // An imported 2019 schedule without the National Day holiday: 1–7 Oct (Tue–Mon) work as usual.
    await store.sla.putCalendarYear({year: 2019, days: [{name: '元旦', date: '2019-01-01', isOffDay: true}]}, {actor: 'test', now: NOW})
    const recalculated = await figures()
    // Mon 30 Sep 10:00 → Wed 9 Oct 10:00 with only the weekend of 5–6 Oct off: 9 − 2 = 7.
    expect(recalculated.respondWorkingDays.mean).toBeCloseTo(7, 9)
    expect(recalculated.respondDays.mean).toBeCloseTo(9, 9)
  })
})

describe.each(backendList)('handling times stored at import ($name)', (backend) => {
  const stores: Store[] = []
  afterAll(async () => {
    for (const s of stores) await s.close()
    await backend.cleanup()
  })
  const imported = async (zone: string | undefined) => {
    const {openStore} = await import('../../src/store/open.js')
    const store = await openStore(await backend.location(), {now: NOW})
    stores.push(store)
    await importCases(store, {
      files: [FILE], source: 'replied', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: `${tmpdir()}/board-wdays-rejects-${process.pid}.csv`,
      dryRun: false, actor: 'test', now: () => NOW, zone,
    })
    return store
  }

  it('leaves the first statistics nothing to work out, with the same figures as when they fill them', async () => {
    const atImport = await imported('Asia/Shanghai')
    const filledLater = await imported(undefined)
    expect(await atImport.stats.pendingDurations(0, 10)).toEqual([])
    expect((await filledLater.stats.pendingDurations(0, 10)).length).toBe(10)
    // Every stored value is the same to the last bit (medians and p90 show it); a mean may differ
    // in its last digits, as the database adds the same numbers in another order.
    const rounded = <D extends {mean: number | null}>(d: D): D => ({...d, mean: d.mean === null ? null : Number(d.mean.toFixed(9))})
    const figures = async (s: Store) =>
      (await computeStats(s, {by: ['year', 'category'], filter: {}, tz: 'Asia/Shanghai', now: NOW})).rows.map((r) => ({
        ...r, respondDays: rounded(r.respondDays), resolveDays: rounded(r.resolveDays),
        respondWorkingDays: rounded(r.respondWorkingDays), resolveWorkingDays: rounded(r.resolveWorkingDays),
      }))
    const expected = await figures(filledLater)
    expect(expected.some((r) => r.respondWorkingDays.n > 0)).toBe(true)
    expect(await figures(atImport)).toEqual(expected)
  }, 120_000)

  it('stores none in a batch written after the basis changed under the import (statistics recounted meanwhile)', async () => {
    const {openStore} = await import('../../src/store/open.js')
    const {importTiming} = await import('../../src/services/stats/durations.js')
    const store = await openStore(await backend.location(), {now: NOW})
    stores.push(store)
    const timing = (await importTiming(store, 'Asia/Shanghai'))!
    const row = (ref: string): IncomingCase => ({
      source: 'hand', ref, title: '答复', body: '', author: null, contact: null, postedAt: '2019-09-30T02:00:00.000Z', region: null,
      addressee: null, type: 'inquiry', category: null, likes: 0, dislikes: 0, reply: {body: '已办', sentAt: '2019-10-08T02:00:00.000Z'},
      resolvedAt: null, extra: null,
    })
    await store.cases.importBatch([row('before')], {actor: 'test', now: NOW, timing})
    expect(await store.stats.pendingDurations(0, 10)).toEqual([])
    await store.stats.resetDurations('Asia/Shanghai 0000000000000000') // as a stats run on a new calendar
    await store.cases.importBatch([row('after')], {actor: 'test', now: NOW, timing})
    // The reset cleared every stored duration; the later batch did not store old-basis ones either.
    const pending = await store.stats.pendingDurations(0, 10)
    expect(pending.map((p) => p.id)).toContain((await store.cases.getByRef('hand', 'after'))!.id)
  })

  it('stores none when the store counts working days in another zone (the next statistics recompute them all)', async () => {
    const {openStore} = await import('../../src/store/open.js')
    const store = await openStore(await backend.location(), {now: NOW})
    stores.push(store)
    await store.stats.resetDurations('Europe/Paris 0000000000000000')
    await importCases(store, {
      files: [FILE], source: 'replied', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: `${tmpdir()}/board-wdays-rejects-${process.pid}.csv`,
      dryRun: false, actor: 'test', now: () => NOW, zone: 'Asia/Shanghai',
    })
    expect((await store.stats.pendingDurations(0, 10)).length).toBe(10)
  }, 120_000)
})
