#!/usr/bin/env node
// board stats --by year,category and board overdue on PostgreSQL beside the same commands on
// SQLite, over the same synthetic cases (default 3,500,000: the platform's decade volume),
// generated inside each database with the same formulas. Timed as a user runs them (the built CLI,
// start-up included, best of 3, the two backends' runs taken in turn). Targets: stats within 1.2× of SQLite, overdue within 1.1×. Needs `npm run build`
// and the stats/overdue commands.
//   node bench/pg-stats.mjs [N=3500000] [postgres://postgres@127.0.0.1:5432/test]
import Database from 'better-sqlite3'
import {existsSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import pg from 'pg'
import {backendPlaces, BIN, builtOpenStore, dropSchema, ROOT, timed} from './common.mjs'

const {n: N, url: PG_URL, dir, sqlitePath, schema, pgStore} = backendPlaces('stats', 3_500_000)
const AT = '2021-01-01 00:00'
const openStore = await builtOpenStore()
const CHUNK = 250_000
const stamp = '2024-01-01T00:00:00.000Z'

// posted: spread over 2011–2020; 1 % still new (overdue), else 60 % closed, 39 % replied.
const TYPES = ['suggestion', 'complaint', 'inquiry', 'help', 'complaint', 'inquiry']
const CATS = ['城乡建设', '环境保护', '交通运输', '教育文体', '劳动和社会保障', '商贸旅游', '卫生计生', '政法', '农村农业', '科技与信息产业', '国土资源', null]

async function generateSqlite() {
  await (await openStore(sqlitePath, {now: new Date(stamp)})).close()
  const db = new Database(sqlitePath)
  db.pragma('synchronous = OFF')
  db.prepare("INSERT INTO units (id, code, name, created_at) VALUES (1, 'u1', '市住建局', ?), (2, 'u2', '市交通局', ?)").run(stamp, stamp)
  db.exec(`CREATE TEMP TABLE types(n INTEGER PRIMARY KEY, name TEXT); CREATE TEMP TABLE cats(n INTEGER PRIMARY KEY, name TEXT);`)
  TYPES.forEach((t, i) => db.prepare('INSERT INTO types VALUES (?, ?)').run(i, t))
  CATS.forEach((c, i) => db.prepare('INSERT INTO cats VALUES (?, ?)').run(i, c))
  const iso = (e) => `strftime('%Y-%m-%dT%H:%M:%S.000Z', ${e}, 'unixepoch')`
  const insert = db.prepare(`INSERT INTO cases (source, ref, title, body, posted_at, type, category, status, unit_id,
      responded_at, resolved_at, respond_due_at, resolve_due_at, likes, created_at, updated_at)
    WITH RECURSIVE seq(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM seq WHERE i < ?),
    t AS (SELECT i, 1293840000 + (i * 7919) % 315360000 AS p, (i * 104729) % 5184000 AS took FROM seq)
    SELECT 'bench', CAST(i AS TEXT), '留言' || i, '', ${iso('p')}, (SELECT name FROM types WHERE n = i % 6), (SELECT name FROM cats WHERE n = i % 12),
      CASE WHEN i % 100 = 0 THEN 'new' WHEN i % 10 < 6 THEN 'closed' ELSE 'replied' END, 1 + i % 2,
      CASE WHEN i % 100 = 0 THEN NULL ELSE ${iso('p + took')} END,
      CASE WHEN i % 100 <> 0 AND i % 10 < 6 THEN ${iso('p + took + 86400 * (i % 30)')} END,
      ${iso('p + 86400 * 15')}, ${iso('p + 86400 * 60')}, i % 50, '${stamp}', '${stamp}'
    FROM t`)
  for (let from = 1; from <= N; from += CHUNK) db.transaction(() => insert.run(from, Math.min(N, from + CHUNK - 1)))()
  db.exec('ANALYZE')
  db.close()
}

async function generatePostgres() {
  await (await openStore(pgStore, {now: new Date(stamp)})).close()
  const c = new pg.Client({connectionString: PG_URL})
  await c.connect()
  await c.query(`SET search_path TO ${schema}; SET synchronous_commit = off`)
  await c.query("INSERT INTO units (id, code, name, created_at) VALUES (1, 'u1', '市住建局', $1), (2, 'u2', '市交通局', $1)", [stamp])
  const ts = (e) => `to_timestamp(${e})`
  for (let from = 1; from <= N; from += CHUNK) {
    await c.query(
      `INSERT INTO cases (source, ref, title, body, posted_at, type, category, status, unit_id,
         responded_at, resolved_at, respond_due_at, resolve_due_at, likes, created_at, updated_at)
       SELECT 'bench', i::text, '留言' || i, '', ${ts('p')}, ($3::text[])[i % 6 + 1], ($4::text[])[i % 12 + 1],
         CASE WHEN i % 100 = 0 THEN 'new' WHEN i % 10 < 6 THEN 'closed' ELSE 'replied' END, 1 + i % 2,
         CASE WHEN i % 100 = 0 THEN NULL ELSE ${ts('p + took')} END,
         CASE WHEN i % 100 <> 0 AND i % 10 < 6 THEN ${ts('p + took + 86400 * (i % 30)')} END,
         ${ts('p + 86400 * 15')}, ${ts('p + 86400 * 60')}, i % 50, $5, $5
       FROM (SELECT i, 1293840000 + (i * 7919) % 315360000 AS p, (i * 104729) % 5184000 AS took FROM generate_series($1::bigint, $2::bigint) i) t`,
      [from, Math.min(N, from + CHUNK - 1), TYPES, CATS, stamp],
    )
  }
  await c.query('ANALYZE cases; ANALYZE units') // its own tables: a bare ANALYZE waits on every table of the database
  await c.end()
}

function board(args, store) {
  const env = {...process.env, BOARD_STORE: store, BOARD_TZ: 'Asia/Shanghai', BOARD_NOW: stamp, BOARD_CONFIG: join(ROOT, '.no-config.json')}
  const r = timed(process.execPath, [BIN, ...args, '--json'], {env, ok: [0, 3]})
  return {s: r.seconds, cpu: r.cpu, out: JSON.parse(r.stdout)}
}

/**
 * The best of three runs on each store, taken in turn (SQLite, PostgreSQL, SQLite, …): on a shared
 * machine the load moves between runs, and three of one then three of the other would weigh it
 * on one side. cpu is board's own (the server's is not in it).
 */
function bestInTurn(args) {
  const runs = {lite: [], post: []}
  for (let i = 0; i < 3; i++) {
    runs.lite.push(board(args, sqlitePath))
    runs.post.push(board(args, pgStore))
  }
  const best = (list) => [...list].sort((a, b) => a.s - b.s)[0]
  return {lite: best(runs.lite), post: best(runs.post)}
}

try {
  let t = performance.now()
  await generateSqlite()
  process.stderr.write(`SQLite: ${N} cases in ${((performance.now() - t) / 1000).toFixed(1)} s\n`)
  t = performance.now()
  await generatePostgres()
  process.stderr.write(`PostgreSQL: ${N} cases in ${((performance.now() - t) / 1000).toFixed(1)} s\n`)
  const report = {}
  for (const [name, args, target] of [['stats --by year,category', ['stats', '--by', 'year,category'], 1.2], ['overdue', ['overdue', '--at', AT], 1.1]]) {
    if (!existsSync(join(ROOT, 'dist', 'commands', `${args[0]}.js`))) {
      process.stderr.write(`${name}: no such command in this build, skipped\n`)
      continue
    }
    // A first run may compute what each case keeps for later ones (stats: its handling times):
    // reported apart, then the best of three that follow.
    const firstLite = board(args, sqlitePath)
    const firstPost = board(args, pgStore)
    const {lite, post} = bestInTurn(args)
    // The same answer from both, or the timing means nothing.
    // (row order may differ where NULLs sort: SQLite puts them first, PostgreSQL last)
    const shape = (o) => (o.rows ? o.rows.map((r) => JSON.stringify([r.key, r.count])).sort() : [String(o.count)])
    const [a, b] = [shape(lite.out), shape(post.out)]
    const diff = a.findIndex((x, i) => x !== b[i])
    if (diff >= 0 || a.length !== b.length) throw new Error(`${name}: SQLite and PostgreSQL answers differ: ${a[diff]} vs ${b[diff]}`)
    report[name] = {
      sqliteSeconds: +lite.s.toFixed(2), postgresSeconds: +post.s.toFixed(2), ratio: +(post.s / lite.s).toFixed(2), target, ok: post.s / lite.s <= target,
      cpuSeconds: {sqlite: +lite.cpu.toFixed(2), postgres: +post.cpu.toFixed(2)},
      firstRun: {sqliteSeconds: +firstLite.s.toFixed(2), postgresSeconds: +firstPost.s.toFixed(2)},
    }
    process.stderr.write(`${name}: SQLite ${lite.s.toFixed(2)} s, PostgreSQL ${post.s.toFixed(2)} s, ${(post.s / lite.s).toFixed(2)}x (target ${target}x); board's CPU ${lite.cpu.toFixed(2)} s, ${post.cpu.toFixed(2)} s (first runs ${firstLite.s.toFixed(1)} s, ${firstPost.s.toFixed(1)} s)\n`)
  }
  console.log(JSON.stringify({cases: N, ...report}))
} finally {
  await dropSchema(PG_URL, schema)
  rmSync(dir, {recursive: true, force: true})
}
