import Database from 'better-sqlite3'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {StatsDimension} from '../../src/store/stats.js'
import type {Executor} from '../../src/store/sql/executor.js'
import {SqlStats} from '../../src/store/sql/stats/aggregate.js'
import {percentileCont, select} from '../../src/store/sql/stats/groups.js'
import {SqliteExecutor} from '../../src/store/sqlite/executor.js'
import {openStore} from '../../src/store/open.js'

// SQLite's statistics go through board's aggregate function (stats/groups.ts) instead of a GROUP
// BY with percentile_cont. Both must give the same rows, in the same order, to the last bit.

function random(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32)
}

function percentileBySort(values: number[], fraction: number): number {
  const s = [...values].sort((a, b) => a - b)
  const at = fraction * (s.length - 1)
  const lo = Math.floor(at)
  return at === lo ? s[lo] : s[lo] + (s[lo + 1] - s[lo]) * (at - lo)
}

describe('percentileCont by selection', () => {
  it('equals the sorted values’ interpolation, for the median and then the p90 of the same values', () => {
    const rnd = random(7)
    for (let run = 0; run < 3000; run++) {
      const n = 1 + Math.floor(rnd() * (run < 2000 ? 12 : 400))
      // Few distinct values half the time: ties are where a selection goes wrong.
      const distinct = rnd() < 0.5 ? 1 + Math.floor(rnd() * 4) : 0
      const values = Array.from({length: n}, () => (distinct ? Math.floor(rnd() * distinct) : (rnd() - 0.3) * 100))
      if (rnd() < 0.1) values.sort((a, b) => a - b)
      if (rnd() < 0.1) values.sort((a, b) => b - a)
      const a = Float64Array.from(values)
      const median = percentileCont(a, 0.5, 0)
      const p90 = percentileCont(a, 0.9, Math.floor(0.5 * (n - 1)) + 1)
      expect(median, JSON.stringify(values)).toBe(percentileBySort(values, 0.5))
      expect(p90, JSON.stringify(values)).toBe(percentileBySort(values, 0.9))
      expect([...a].sort((x, y) => x - y)).toEqual([...values].sort((x, y) => x - y)) // reordered, nothing lost
    }
  })
})

/** The same connection, with a dialect that asks for the GROUP BY. */
function groupByOnly(executor: SqliteExecutor): Executor {
  return new Proxy(executor, {
    get(target, key) {
      if (key === 'dialect') return {...target.dialect, statsGroupsFunction: null}
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

describe('select, when it gives up partitioning', () => {
  it('sorts the rest instead and still puts the k-th value in place', () => {
    const rnd = random(11)
    for (let run = 0; run < 500; run++) {
      const n = 2 + Math.floor(rnd() * 200)
      const values = Array.from({length: n}, () => Math.floor(rnd() * 50))
      const k = Math.floor(rnd() * n)
      const a = Float64Array.from(values)
      select(a, k, 0, n - 1, 1 + Math.floor(rnd() * 2)) // one or two rounds, then the sort
      const sorted = [...values].sort((x, y) => x - y)
      expect(a[k]).toBe(sorted[k])
      for (let i = 0; i < n; i++) expect(i < k ? a[i] <= a[k] : a[i] >= a[k]).toBe(true)
    }
  })
})

describe('SQLite statistics: the aggregate function against GROUP BY and percentile_cont', () => {
  let dir: string
  let path: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'board-groups-'))
    path = join(dir, 'board.db')
    const store = await openStore(path, {now: new Date('2024-01-01T00:00:00Z')})
    await store.close()
    const db = new Database(path)
    const at = "'2024-01-01T00:00:00.000Z'"
    db.exec(`INSERT INTO units (id, code, name, created_at) VALUES (1, 'A', '市交通局', ${at}), (2, 'B', '市住建局', ${at}), (3, 'C', 'Zebra unit', ${at});
      INSERT INTO handlers (id, code, name, unit_id, created_at) VALUES (1, 'h1', '王芳', 1, ${at}), (2, 'h2', 'Li', 2, ${at});`)
    const insert = db.prepare(`INSERT INTO cases (source, ref, title, body, posted_at, type, category, region, status, unit_id, handler_id,
        responded_at, resolved_at, respond_due_at, resolve_due_at, respond_wdays, resolve_wdays, created_at, updated_at)
      VALUES ('s', ?, 't', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`)
    const rnd = random(42)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
    const iso = (ms: number) => new Date(ms).toISOString()
    const day = 86_400_000
    db.transaction(() => {
      for (let i = 0; i < 4000; i++) {
        // 2018-12-31 to 2021-01-02, so some cases sit on either side of a new year in Shanghai
        const posted = Date.UTC(2018, 11, 31) + Math.floor(rnd() * 733 * day)
        const replied = rnd() < 0.8 ? posted + Math.floor(rnd() * 40 * day) : null
        const resolved = replied !== null && rnd() < 0.6 ? replied + Math.floor(rnd() * 10 * day) : null
        // Repeated durations, as real replies on the same day give: ties in every percentile.
        const wdays = (at: number | null) => (at === null || rnd() < 0.1 ? null : Math.round(((at - posted) / day) * 0.7 * 2) / 2)
        insert.run(
          String(i), iso(posted), pick(['suggestion', 'complaint', 'inquiry', 'help', null]), pick(['交通运输', '城乡建设', 'Éducation', '𠀀 rare', '！全角', null]),
          pick(['芙蓉区', '岳麓区', null]), pick(['new', 'assigned', 'replied', 'closed']), pick([1, 2, 3, null]), pick([1, 2, null]),
          replied === null ? null : iso(replied), resolved === null ? null : iso(resolved),
          rnd() < 0.7 ? iso(posted + Math.floor(rnd() * 30 * day)) : null, rnd() < 0.5 ? iso(posted + Math.floor(rnd() * 40 * day)) : null,
          wdays(replied), wdays(resolved),
        )
      }
      // Ten resolutions of 0.1 working days: summed plainly they make 0.9999999999999999, and
      // SQLite's avg() (compensated) says 0.1; the function must say the same.
      for (let i = 0; i < 10; i++) {
        insert.run(`kbn${i}`, iso(Date.UTC(2019, 5, 1)), 'help', '交通运输', 'KBN', 'closed', 1, 1, iso(Date.UTC(2019, 5, 2)), iso(Date.UTC(2019, 5, 2)), null, null, 0.7, 0.1)
      }
    })()
    db.close()
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  const groupings: StatsDimension[][] = [
    [],
    ['year'],
    ['year', 'category'],
    ['month', 'type'],
    ['quarter', 'unit', 'handler'],
    ['category', 'year'],
    ['region', 'status', 'category'],
    ['handler'],
  ]
  it.each(groupings.map((by) => [by.join(',') || '(none)', by] as const))('--by %s', async (_, by) => {
    const executor = SqliteExecutor.open(path)
    try {
      expect(executor.dialect.statsGroupsFunction).not.toBeNull()
      const q = {by, filter: {}, now: '2020-06-01T00:00:00.000Z', tz: 'Asia/Shanghai'}
      const viaFunction = await new SqlStats(executor).aggregate(q)
      const viaGroupBy = await new SqlStats(groupByOnly(executor)).aggregate(q)
      expect(viaFunction.length).toBeGreaterThan(0)
      expect(viaFunction).toEqual(viaGroupBy)
      // Filters narrow both the same way.
      const filtered = {...q, filter: {since: '2019-06-01T00:00:00.000Z', category: '交通运输', unit: 'A'}}
      expect(await new SqlStats(executor).aggregate(filtered)).toEqual(
        await new SqlStats(groupByOnly(executor)).aggregate(filtered),
      )
    } finally {
      await executor.close()
    }
  })
})
