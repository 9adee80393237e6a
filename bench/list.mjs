#!/usr/bin/env node
// Peak RSS and time of `board list --json` and of the piped TSV listing over N synthetic cases
// (default 300,000), on SQLite and on PostgreSQL. A listing streams page by page, so its memory
// must not grow with the store. Target: peak RSS under 300 MB on both backends. Needs `npm run build`.
//   node bench/list.mjs [N=300000] [postgres://postgres@127.0.0.1:5432/test]
import Database from 'better-sqlite3'
import {spawnSync} from 'node:child_process'
import {rmSync} from 'node:fs'
import {join} from 'node:path'
import pg from 'pg'
import {backendPlaces, BIN, builtOpenStore, dropSchema, ROOT, timed} from './common.mjs'

const {n: N, url: PG_URL, dir, sqlitePath, schema, pgStore} = backendPlaces('list', 300_000)
const openStore = await builtOpenStore()
const stamp = '2024-01-01T00:00:00.000Z'
const CHUNK = 100_000
// About 1 KB of citizen text a case, as in the real exports.
const BODY = '我家小区楼下的路灯已经坏了很久，晚上出行非常不方便，老人和孩子经常摔倒，请相关部门尽快派人维修。'.repeat(7)

async function generateSqlite() {
  await (await openStore(sqlitePath, {now: new Date(stamp)})).close()
  const db = new Database(sqlitePath)
  db.pragma('synchronous = OFF')
  const insert = db.prepare(`INSERT INTO cases (source, ref, title, body, posted_at, status, created_at, updated_at)
    WITH RECURSIVE seq(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
    SELECT 'bench', CAST(i AS TEXT), '留言' || i, ? || i, strftime('%Y-%m-%dT%H:%M:%S.000Z', 1293840000 + (i * 7919) % 315360000, 'unixepoch'),
      CASE WHEN i % 10 = 0 THEN 'triaged' ELSE 'closed' END, '${stamp}', '${stamp}' FROM seq`)
  for (let from = 1; from <= N; from += CHUNK) db.transaction(() => insert.run(from, Math.min(N, from + CHUNK - 1), BODY))()
  db.exec('ANALYZE')
  db.close()
}

async function generatePostgres() {
  await (await openStore(pgStore, {now: new Date(stamp)})).close()
  const c = new pg.Client({connectionString: PG_URL})
  await c.connect()
  await c.query(`SET search_path TO ${schema}; SET synchronous_commit = off`)
  for (let from = 1; from <= N; from += CHUNK) {
    await c.query(
      `INSERT INTO cases (source, ref, title, body, posted_at, status, created_at, updated_at)
       SELECT 'bench', i::text, '留言' || i, $3 || i, to_timestamp(1293840000 + (i * 7919) % 315360000),
         CASE WHEN i % 10 = 0 THEN 'triaged' ELSE 'closed' END, $4, $4
       FROM generate_series($1::bigint, $2::bigint) i`,
      [from, Math.min(N, from + CHUNK - 1), BODY, stamp],
    )
  }
  await c.query('ANALYZE cases') // its own table: a bare ANALYZE waits on every table of the database
  await c.end()
}

/** Runs board with stdout into a file (a pipe's reader would add its own memory). */
function measure(args, store) {
  const out = join(dir, 'out')
  const r = timed(process.execPath, [BIN, ...args], {env: {...process.env, BOARD_STORE: store, BOARD_CONFIG: join(ROOT, '.no-config.json')}, stdout: out})
  const lines = spawnSync('wc', ['-l', out], {encoding: 'utf8'}).stdout.trim().split(' ')[0]
  return {seconds: +r.seconds.toFixed(1), peakRssMB: Math.round(r.rssMb), outputLines: Number(lines)}
}

try {
  await generateSqlite()
  await generatePostgres()
  const report = {cases: N}
  for (const [backend, store] of [['sqlite', sqlitePath], ['postgres', pgStore]]) {
    const json = measure(['list', '--json'], store)
    const tsv = measure(['list'], store)
    report[backend] = {json, tsv, ok: json.peakRssMB < 300 && tsv.peakRssMB < 300 && tsv.outputLines === N + 1}
  }
  console.log(JSON.stringify(report, null, 2))
} finally {
  rmSync(dir, {recursive: true, force: true})
  await dropSchema(PG_URL, schema)
}
