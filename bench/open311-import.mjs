#!/usr/bin/env node
// Open311 import beside CSV import of the same rows, in the same run.
//   node bench/open311-import.mjs [--rows N] [--dir DIR]
// Generates N synthetic messages (bench/synthetic.mjs) as CSV, imports them, exports that store as
// Open311 JSON (board's own export: the same rows), then imports the CSV and the JSON each into a
// fresh SQLite store and prints both times, peak RSS and the ratio. Target: Open311 within 1.5x of CSV.
import {mkdirSync, rmSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {tmpdir} from 'node:os'
import {BIN, option, timed} from './common.mjs'
import {writeMessages} from './synthetic.mjs'

const rows = Number(option('--rows', '10000'))
const dir = option('--dir', join(tmpdir(), `board-bench-open311-${process.pid}`))
mkdirSync(dir, {recursive: true})
const csv = join(dir, `messages-${rows}.csv`)
const json = join(dir, `requests-${rows}.json`)

function board(args, store) {
  const r = timed(process.execPath, [BIN, ...args, '--store', store], {env: {...process.env, BOARD_CONFIG: join(dir, 'none.json'), NO_COLOR: '1', LANG: 'C'}})
  return {seconds: r.seconds, rssMb: Math.round(r.rssMb)}
}

await writeMessages(csv, rows)
board(['import', csv, '--source', 'bench'], join(dir, 'seed.db'))
board(['export', '--format', 'open311', '--no-redact', '--out', json], join(dir, 'seed.db'))
const fresh = (name) => {
  const path = join(dir, name)
  rmSync(path, {force: true})
  return path
}
const c = board(['import', csv, '--source', 'bench'], fresh('csv.db'))
const o = board(['import', json, '--format', 'open311', '--source', 'bench'], fresh('open311.db'))
const mb = (f) => (statSync(f).size / 1e6).toFixed(1)
console.log(`rows ${rows}: CSV ${mb(csv)} MB, Open311 ${mb(json)} MB`)
console.log(`import CSV      ${c.seconds.toFixed(2)} s  peak RSS ${c.rssMb} MB`)
console.log(`import Open311  ${o.seconds.toFixed(2)} s  peak RSS ${o.rssMb} MB`)
console.log(`ratio Open311/CSV ${(o.seconds / c.seconds).toFixed(2)} (target <= 1.5)`)
rmSync(dir, {recursive: true, force: true})
