#!/usr/bin/env node
// board export beside the database's own CSV output of the same columns, in the same run.
//   node bench/export.mjs [--rows N] [--dir DIR] [--pg URL]
// Imports N synthetic messages (bench/synthetic.mjs; kept in DIR between runs) into a SQLite
// store, then times `board export` (CSV, redacted as by default, and --no-redact) against
// `sqlite3 -csv` selecting the same columns in the same order. With --pg, the same against a
// PostgreSQL store and `psql \copy (…) to stdout`. Target: within 3x of the database's CSV.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {tmpdir} from 'node:os'
import {BIN, inSchema, option, timed as measure} from './common.mjs'
import {writeMessages} from './synthetic.mjs'

const rows = Number(option('--rows', '300000'))
const dir = option('--dir', join(tmpdir(), 'board-bench-export'))
const pg = option('--pg', null)
mkdirSync(dir, {recursive: true})
const csv = join(dir, `messages-${rows}.csv`)
const db = join(dir, `store-${rows}.db`)
const env = {...process.env, BOARD_CONFIG: join(dir, 'none.json'), NO_COLOR: '1', LANG: 'C'}

/** A command with its stdout to /dev/null: wall and CPU time, peak RSS. */
function timed(cmd, args) {
  const r = measure(cmd, args, {env, stdout: '/dev/null'})
  return {seconds: r.seconds, cpu: r.cpu, rssMb: Math.round(r.rssMb)}
}
const board = (args, store) => timed(process.execPath, [BIN, ...args, '--store', store])

// The columns of `board export` (src/export/case-export.ts CSV_COLUMNS), in its order.
const SELECT = `SELECT c.id, c.source, c.ref, c.posted_at, c.title, c.body, c.author, c.contact, c.region, c.addressee, c.type,
  c.category, c.status, u.name, h.name, c.respond_due_at, c.resolve_due_at, c.responded_at, c.resolved_at, c.likes, c.dislikes
  FROM cases c LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN handlers h ON h.id = c.handler_id ORDER BY c.posted_at DESC, c.id DESC`

if (!existsSync(db)) {
  if (!existsSync(csv)) await writeMessages(csv, rows)
  execFileSync(process.execPath, [BIN, 'import', csv, '--source', 'bench', '--store', db], {env, stdio: 'inherit'})
}
const report = (label, base, runs) => {
  console.log(`${label}: ${base.name} ${base.seconds.toFixed(1)} s (cpu ${base.cpu.toFixed(1)} s)`)
  for (const [name, r] of runs) {
    console.log(`  board export ${name}: ${r.seconds.toFixed(1)} s (cpu ${r.cpu.toFixed(1)} s), peak RSS ${r.rssMb} MB, ratio ${(r.seconds / base.seconds).toFixed(2)}, cpu ratio ${(r.cpu / base.cpu).toFixed(2)} (target <= 3)`)
  }
}
console.log(`${rows.toLocaleString('en')} cases`)
const shell = {name: 'sqlite3 -csv', ...timed('sqlite3', ['-csv', '-header', db, SELECT])}
report('SQLite', shell, [['(CSV, redacted)', board(['export'], db)], ['--no-redact', board(['export', '--no-redact'], db)]])

if (pg) {
  const schema = `bench_export_${rows}`
  const url = inSchema(pg, schema)
  const count = spawnSync('psql', [pg, '-tAc', `SELECT count(*) FROM ${schema}.cases`], {encoding: 'utf8'})
  if (count.status !== 0 || Number(count.stdout.trim()) !== rows) {
    spawnSync('psql', [pg, '-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE`])
    execFileSync(process.execPath, [BIN, 'db', 'copy', '--from', db, '--to', url, '--yes'], {env, stdio: 'inherit'})
  }
  const psql = {name: 'psql \\copy', ...timed('psql', [pg, '-c', `SET search_path TO ${schema}`, '-c', `\\copy (${SELECT.replace(/\s+/g, ' ')}) to stdout with csv header`])}
  report('PostgreSQL', psql, [['(CSV, redacted)', board(['export'], url)], ['--no-redact', board(['export', '--no-redact'], url)]])
}
