#!/usr/bin/env node
// Open311 import beside CSV import of the same rows, in the same run.
//   node bench/open311-import.mjs [--rows N] [--pairs P] [--dir DIR]
// Generates N synthetic messages (bench/synthetic.mjs) as CSV, imports them, exports that store as
// Open311 JSON (board's own export: the same rows, newest first), then imports the CSV and the JSON
// each into a fresh SQLite store, P times in turn (CSV, Open311, CSV, ...: a busy machine slows
// both alike), and prints each pair's times, peak RSS and ratio, and the median ratio.
// Target: Open311 within 1.5x of CSV.
import {spawnSync} from 'node:child_process'
import {mkdirSync, rmSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {tmpdir} from 'node:os'
import {option} from './args.mjs'
import {writeMessages} from './synthetic.mjs'

const rows = Number(option('--rows', '10000'))
const pairs = Number(option('--pairs', '3'))
const dir = option('--dir', join(tmpdir(), `board-bench-open311-${process.pid}`))
const root = join(import.meta.dirname, '..')
mkdirSync(dir, {recursive: true})
const csv = join(dir, `messages-${rows}.csv`)
const json = join(dir, `requests-${rows}.json`)

function board(args, store) {
  const started = performance.now()
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb %M cpu-s %U %S', process.execPath, join(root, 'bin', 'run.js'), ...args, '--store', store], {
    encoding: 'utf8',
    env: {...process.env, BOARD_CONFIG: join(dir, 'none.json'), NO_COLOR: '1', LANG: 'C'},
    maxBuffer: 1 << 26,
  })
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`board ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  const usage = /maxrss-kb (\d+) cpu-s ([\d.]+) ([\d.]+)/.exec(r.stderr)
  // CPU time (user + system) beside the wall time: on a busy machine it varies far less.
  return {seconds, cpu: Number(usage?.[2] ?? 0) + Number(usage?.[3] ?? 0), rssMb: Math.round(Number(usage?.[1] ?? 0) / 1024)}
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
