// What the bench scripts share: their command line, where the built CLI is, a store in a
// PostgreSQL schema of its own, and timing a process the one way.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import pg from 'pg'

export const ROOT = join(import.meta.dirname, '..')
/** The built CLI (`npm run build` first). */
export const BIN = join(ROOT, 'bin', 'run.js')

/** The value after `--name` on the command line, or dflt. */
export function option(name, dflt) {
  const i = process.argv.indexOf(name)
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt
}

/** Whether `--name` is on the command line. */
export const flag = (name) => process.argv.includes(name)

/** The PostgreSQL benches' `[N] [postgres-url]`; the URL falls back to BOARD_TEST_PG, then the machine's test database. */
export function pgArgs(defaultN) {
  return {
    n: Number(process.argv[2] ?? defaultN),
    url: process.argv[3] ?? process.env.BOARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test',
  }
}

/** The store URL of `schema` in the database at url. */
export const inSchema = (url, schema) => `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`

/**
 * Where a bench comparing the two backends keeps its stores: its `[N] [postgres-url]`, a scratch
 * folder with the SQLite file, and a schema of this process's own.
 */
export function backendPlaces(name, defaultN) {
  const {n, url} = pgArgs(defaultN)
  const dir = mkdtempSync(join(tmpdir(), `board-bench-${name}-`))
  const schema = `bench_${name}_${process.pid}`
  return {n, url, dir, sqlitePath: join(dir, 'board.db'), schema, pgStore: inSchema(url, schema)}
}

/** Drops a bench's schema and everything in it. */
export async function dropSchema(url, schema) {
  const c = new pg.Client({connectionString: url})
  await c.connect()
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await c.end()
  }
}

/** openStore of the built code, for benches that create and migrate a store before filling it by SQL. */
export async function builtOpenStore() {
  return (await import(join(ROOT, 'dist', 'src', 'store', 'open.js'))).openStore
}

/**
 * Runs a command and measures it: wall seconds, CPU seconds (user + system, all threads: on a
 * shared machine the steadier comparison) and peak RSS (worker threads included), from
 * /usr/bin/time when the machine has it. stdout: 'pipe' (returned), or a file path or '/dev/null'
 * to write it to (a pipe's reader would add its own memory and time). ok: the exit statuses that
 * are not a failure.
 */
export function timed(cmd, args, {env = process.env, input, stdout = 'pipe', ok = [0]} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'board-bench-time-'))
  const report = join(dir, 'time')
  const hasTime = existsSync('/usr/bin/time')
  const argv = hasTime ? ['/usr/bin/time', '-o', report, '-f', '%U %S %M', cmd, ...args] : [cmd, ...args]
  const started = performance.now()
  const r =
    stdout === 'pipe'
      ? spawnSync(argv[0], argv.slice(1), {encoding: 'utf8', env, input, maxBuffer: 1 << 30})
      : spawnSync('sh', ['-c', `"$@" > '${stdout}'`, 'sh', ...argv], {encoding: 'utf8', env, input, maxBuffer: 1 << 26})
  const seconds = (performance.now() - started) / 1000
  try {
    if (!ok.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(-2000)}`)
    // time(1) puts "Command exited with non-zero status N" before its line when the status is not 0.
    const [user, sys, kb] = hasTime ? readFileSync(report, 'utf8').trim().split(/\s+/).slice(-3).map(Number) : [NaN, NaN, NaN]
    return {seconds, cpu: user + sys, rssMb: kb / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
