#!/usr/bin/env node
// board stats --by year,category over a synthetic SQLite store (default 3,500,000 cases, the
// platform's decade volume), timed as a user runs it (the built CLI, startup included), beside
// better-sqlite3 running a plain GROUP BY over the same rows. Target: board < 3 s.
//
//   npm run build && node bench/stats.mjs [--cases 3500000] [--keep]
// The store is cached in $TMPDIR/board-bench-stats-<n>.db between runs (delete it to regenerate).
import Database from 'better-sqlite3'
import {existsSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {BIN, builtOpenStore, flag, option, ROOT, timed} from './common.mjs'

const n = Number(option('--cases', '3500000'))
// v2: with the event log a store built by `board import` has (one event a case, some reopenings).
const path = join(tmpdir(), `board-bench-stats-v2-${n}.db`)
const TARGET_S = 3

const openStore = await builtOpenStore()

if (!existsSync(path)) {
  const t0 = performance.now()
  const store = await openStore(path, {now: new Date('2024-01-01T00:00:00Z')}) // creates and migrates
  await store.close()
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.exec(`CREATE TEMP TABLE cats(n INTEGER PRIMARY KEY, name TEXT);
    INSERT INTO cats VALUES (0,'城乡建设'),(1,'环境保护'),(2,'交通运输'),(3,'教育文体'),(4,'劳动和社会保障'),(5,'商贸旅游'),
      (6,'卫生计生'),(7,'政法'),(8,'农村农业'),(9,'科技与信息产业'),(10,'国土资源'),(11,NULL);
    CREATE TEMP TABLE types(n INTEGER PRIMARY KEY, name TEXT);
    INSERT INTO types VALUES (0,'suggestion'),(1,'complaint'),(2,'inquiry'),(3,'help'),(4,'complaint'),(5,'inquiry');`)
  // Generated inside SQLite: spread over 2011–2020, 90 % replied after 0–60 days, 70 % resolved.
  const insert = db.prepare(`INSERT INTO cases (source, ref, title, body, posted_at, type, category, status, responded_at, resolved_at,
      respond_due_at, likes, created_at, updated_at)
    WITH RECURSIVE seq(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM seq WHERE i < ?),
    t AS (SELECT i, 1293840000 + (i * 7919) % 315360000 AS posted, (i * 104729) % 5184000 AS took FROM seq)
    SELECT 'bench', CAST(i AS TEXT), '留言' || i, '', strftime('%Y-%m-%dT%H:%M:%S.000Z', posted, 'unixepoch'),
      (SELECT name FROM types WHERE n = i % 6), (SELECT name FROM cats WHERE n = i % 12),
      CASE WHEN i % 10 = 0 THEN 'new' WHEN i % 10 < 7 THEN 'closed' ELSE 'replied' END,
      CASE WHEN i % 10 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%S.000Z', posted + took, 'unixepoch') END,
      CASE WHEN i % 10 BETWEEN 1 AND 6 THEN strftime('%Y-%m-%dT%H:%M:%S.000Z', posted + took + 86400 * (i % 30), 'unixepoch') END,
      strftime('%Y-%m-%dT%H:%M:%S.000Z', posted + 86400 * 15, 'unixepoch'), i % 50, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'
    FROM t`)
  const chunk = 250_000
  for (let from = 1; from <= n; from += chunk) {
    db.transaction(() => insert.run(from, Math.min(n, from + chunk - 1)))()
    process.stderr.write(`\rgenerated ${Math.min(n, from + chunk - 1)} / ${n}`)
  }
  // The audit log of a store built by import: an event a case, and a reopening for 1 case in 97
  // (the flag is what the status trigger would have set).
  db.exec(`INSERT INTO events (case_id, actor, at, action, after)
      SELECT id, 'import', created_at, 'import.create', json_object('source', source, 'ref', ref, 'status', status) FROM cases;
    INSERT INTO events (case_id, actor, at, action, before, after)
      SELECT id, 'clerk', created_at, 'reopen', '{"status":"replied"}', '{"status":"reopened"}' FROM cases WHERE id % 97 = 0;
    UPDATE cases SET reopened = 1 WHERE id % 97 = 0;`)
  db.exec('ANALYZE')
  db.close()
  process.stderr.write(`\ngenerated ${n} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path}\n`)
}

function timeBoard() {
  const env = {...process.env, BOARD_TZ: 'Asia/Shanghai', BOARD_NOW: '2024-01-01T00:00:00Z', BOARD_CONFIG: join(ROOT, '.no-config.json')}
  const r = timed(process.execPath, [BIN, 'stats', '--by', 'year,category', '--json', '--store', path], {env})
  return {s: r.seconds, rows: JSON.parse(r.stdout).rows}
}

function timeBaseline() {
  // The same grouping and measures, hand-written: what a DBA would type into the sqlite3 shell.
  const t = performance.now()
  const db = new Database(path, {readonly: true})
  const rows = db
    .prepare(`SELECT strftime('%Y', posted_at, '+480 minutes') AS y, category, count(*) AS n,
        avg(julianday(responded_at) - julianday(posted_at)) AS mean,
        percentile_cont(julianday(responded_at) - julianday(posted_at), 0.5) AS median
      FROM cases GROUP BY 1, 2`)
    .all()
  db.close()
  return {s: (performance.now() - t) / 1000, rows}
}

const best = (f) => [f(), f(), f()].sort((a, b) => a.s - b.s)[0]
// The first run after an import (or on a store from an older board) computes the handling times
// each case keeps for statistics; later runs only aggregate. Both are reported.
const first = timeBoard()
const board = best(timeBoard)
const base = best(timeBaseline)
const total = board.rows.reduce((s, r) => s + r.count, 0)
if (total !== n) throw new Error(`board counted ${total} cases, expected ${n}`)
if (board.rows.length !== base.rows.length) throw new Error(`groups differ: board ${board.rows.length}, baseline ${base.rows.length}`)
console.log(`cases:             ${n}`)
console.log(`board stats:       ${board.s.toFixed(2)} s (CLI, startup included; best of 3 after a first run of ${first.s.toFixed(2)} s)`)
console.log(`raw SQL baseline:  ${base.s.toFixed(2)} s (better-sqlite3, count/mean/median only)`)
console.log(`ratio:             ${(board.s / base.s).toFixed(2)}×`)
console.log(`target:            < ${TARGET_S} s at 3,500,000 cases → ${n >= 3_500_000 ? (board.s < TARGET_S ? 'met' : 'MISSED') : 'not measured at full size'}`)
if (flag('--clean')) rmSync(path, {force: true})
