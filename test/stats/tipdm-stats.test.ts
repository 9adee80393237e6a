import {readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {importFiles} from '../../src/import/import-service.js'
import {computeStats} from '../../src/services/stats/stats.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {boardAsync, DATA} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const data = DATA
const FILE = join(data, 'tipdm2020c', 'replied_messages.csv')

// Independent of board: "YYYY-MM-DD hh:mm:ss" in Asia/Shanghai (UTC+8, no DST since 1991).
const shanghaiMs = (s: string): number => {
  const [d, t] = s.trim().split(' ')
  const [y, mo, da] = d.split('-').map(Number)
  const [h, mi, se] = t.split(':').map(Number)
  return Date.UTC(y, mo - 1, da, h, mi, se) - 8 * 3_600_000
}

function expectedByYear(): Map<string, {count: number; mean: number; median: number}> {
  const rows = parse(readFileSync(FILE), {columns: true, bom: true}) as Record<string, string>[]
  const byYear = new Map<string, number[]>()
  for (const r of rows) {
    const year = r['留言时间'].trim().slice(0, 4)
    const d = (shanghaiMs(r['答复时间']) - shanghaiMs(r['留言时间'])) / 86_400_000
    byYear.set(year, [...(byYear.get(year) ?? []), d])
  }
  const out = new Map<string, {count: number; mean: number; median: number}>()
  for (const [year, ds] of byYear) {
    const s = [...ds].sort((a, b) => a - b)
    const mid = Math.floor(s.length / 2)
    const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    out.set(year, {count: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, median})
  }
  return out
}

interface JsonRow {
  key: {year: string}
  count: number
  respondDays: {mean: number; median: number; p90: number}
}

describe.each(backendList)('board stats on the TipDM replied messages ($name)', (backend) => {
  let store: Store
  let location: string
  beforeAll(async () => {
    location = await backend.location()
    const {openStore} = await import('../../src/store/open.js')
    store = await openStore(location, {now: new Date('2024-01-01T00:00:00Z')})
    await importFiles(store, {
      files: [FILE], source: 'replied', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: `${tmpdir()}/board-stats-rejects-${process.pid}.csv`,
      dryRun: false, actor: 'test', now: () => new Date('2024-01-01T00:00:00Z'),
    })
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('counts and mean/median reply days per year equal figures computed from the CSV', async () => {
    const r = await runCommand(['stats', '--by', 'year', '--json'], {store: location, env: {BOARD_TZ: 'Asia/Shanghai', BOARD_NOW: '2024-01-01T00:00:00Z'}})
    expect(r.status, r.stderr).toBe(0)
    const rows = (JSON.parse(r.stdout) as {rows: JsonRow[]}).rows
    const expected = expectedByYear()
    expect(rows.map((x) => x.key.year)).toEqual([...expected.keys()].sort())
    for (const row of rows) {
      const e = expected.get(row.key.year)!
      expect(row.count, row.key.year).toBe(e.count)
      expect(row.respondDays.mean, row.key.year).toBeCloseTo(e.mean, 4)
      expect(row.respondDays.median, row.key.year).toBeCloseTo(e.median, 4)
    }
    expect(rows.reduce((s, x) => s + x.count, 0)).toBe(857)
  })

  it('the built CLI (each half of the years on a connection of its own) and one connection give the same rows', async () => {
    // Built: the second connection on SQLite is a worker thread running the compiled read-worker.js.
    const r = await boardAsync(['stats', '--by', 'year,category', '--json'], {store: location, env: {BOARD_TZ: 'Asia/Shanghai', BOARD_NOW: '2024-01-01T00:00:00Z'}})
    expect(r.status, r.stderr).toBe(0)
    const cli = (JSON.parse(r.stdout) as {rows: unknown[]}).rows
    const here = await computeStats(store, {by: ['year', 'category'], filter: {}, tz: 'Asia/Shanghai', now: new Date('2024-01-01T00:00:00Z')})
    expect(new Set(cli.map((x) => (x as {key: {year: string}}).key.year)).size).toBeGreaterThan(1)
    expect(cli).toEqual(JSON.parse(JSON.stringify(here.rows)))
  })

  it('filters narrow the figures; p90 lies between the median and the maximum', async () => {
    const all = await store.stats.aggregate({by: ['year'], filter: {}, tz: 'Asia/Shanghai', now: '2024-01-01T00:00:00Z'})
    const y2019 = all.find((g) => g.key.year === '2019')!
    const only = await store.stats.aggregate({
      by: [], filter: {since: '2018-12-31T16:00:00.000Z', until: '2019-12-31T16:00:00.000Z'}, tz: 'Asia/Shanghai', now: '2024-01-01T00:00:00Z',
    })
    expect(only).toHaveLength(1)
    expect(only[0].count).toBe(y2019.count)
    expect(only[0].respondDays.median).toBeCloseTo(y2019.respondDays.median!, 6)
    expect(y2019.respondDays.p90!).toBeGreaterThanOrEqual(y2019.respondDays.median!)
    expect(await store.stats.aggregate({by: ['category'], filter: {category: 'nope'}, tz: 'Asia/Shanghai', now: '2024-01-01T00:00:00Z'})).toEqual([])
  })

  it('several dimensions at once, CSV and chart output', async () => {
    const env = {BOARD_NOW: '2024-01-01T00:00:00Z'}
    const multi = await runCommand(['stats', '--by', 'year,quarter,status', '--json'], {store: location, env})
    expect(multi.status, multi.stderr).toBe(0)
    const rows = (JSON.parse(multi.stdout) as {rows: {key: Record<string, string>; count: number}[]}).rows
    expect(rows.every((x) => x.key.quarter.startsWith(x.key.year + '-Q') && x.key.status === 'replied')).toBe(true)
    expect(rows.reduce((s, x) => s + x.count, 0)).toBe(857)
    const csv = await runCommand(['stats', '--by', 'year', '--csv'], {store: location, env})
    expect(csv.stdout.split('\n')[0]).toMatch(/^year,count,share,replied,/)
    const chart = await runCommand(['stats', '--by', 'year', '--chart'], {store: location, env})
    expect(chart.stdout).toContain('2019 │█')
    expect(chart.stdout).not.toMatch(/\u001B\[/)
    expect((await runCommand(['stats', '--by', 'year,month', '--chart'], {store: location})).status).toBe(2)
    expect((await runCommand(['stats', '--by', 'weekday'], {store: location})).status).toBe(2)
  })
})
