#!/usr/bin/env node
// Open311 import beside CSV import of the same rows, in the same run.
//   node bench/open311-import.mjs [--rows N] [--pairs P] [--dir DIR]
// Generates N synthetic messages (bench/synthetic.mjs) as CSV, imports them, exports that store as
// Open311 JSON (board's own export: the same rows, newest first), then imports the CSV and the JSON
// each into a fresh SQLite store, P times in turn (CSV, Open311, CSV, ...: a busy machine slows
// both alike), and prints each pair's times, peak RSS and ratio, and the median ratio.
// Target: Open311 within 1.5x of CSV.
import {mkdirSync, rmSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {tmpdir} from 'node:os'
import {BIN, option, timed} from './common.mjs'
import {writeMessages} from './synthetic.mjs'

const rows = Number(option('--rows', '10000'))
const pairs = Number(option('--pairs', '3'))
const dir = option('--dir', join(tmpdir(), `board-bench-open311-${process.pid}`))
mkdirSync(dir, {recursive: true})
const csv = join(dir, `messages-${rows}.csv`)
const json = join(dir, `requests-${rows}.json`)

function board(args, store) {
  const r = timed(process.execPath, [BIN, ...args, '--store', store], {env: {...process.env, BOARD_CONFIG: join(dir, 'none.json'), NO_COLOR: '1', LANG: 'C'}})
  // CPU time (user + system) beside the wall time: on a busy machine it varies far less.
  return {seconds: r.seconds, cpu: r.cpu, rssMb: Math.round(r.rssMb)}
}

await writeMessages(csv, rows)
board(['import', csv, '--source', 'bench'], join(dir, 'seed.db'))
board(['export', '--format', 'open311', '--no-redact', '--out', json], join(dir, 'seed.db'))
const fresh = (name) => {
  const path = join(dir, name)
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, {force: true})
  return path
}
const mb = (f) => (statSync(f).size / 1e6).toFixed(1)
console.log(`rows ${rows}: CSV ${mb(csv)} MB, Open311 ${mb(json)} MB`)
const ratios = []
for (let i = 1; i <= pairs; i++) {
  const c = board(['import', csv, '--source', 'bench'], fresh('csv.db'))
  const o = board(['import', json, '--format', 'open311', '--source', 'bench'], fresh('open311.db'))
  ratios.push(o.seconds / c.seconds)
  console.log(
    `pair ${i}: CSV ${c.seconds.toFixed(2)} s (CPU ${c.cpu.toFixed(1)} s, peak RSS ${c.rssMb} MB), ` +
      `Open311 ${o.seconds.toFixed(2)} s (CPU ${o.cpu.toFixed(1)} s, peak RSS ${o.rssMb} MB), ratio ${(o.seconds / c.seconds).toFixed(2)}`,
  )
}
const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]
console.log(`ratio Open311/CSV, median of ${pairs} pairs: ${median.toFixed(2)} (target <= 1.5)`)
rmSync(dir, {recursive: true, force: true})
