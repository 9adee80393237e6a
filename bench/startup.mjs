#!/usr/bin/env node
// Start-up time, medians of N runs: `board --version` beside `node -e 0` (target: within 100 ms)
// and `board list` on an empty store (target: within 200 ms).
//   node bench/startup.mjs [--runs N]
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {BIN, option} from './common.mjs'

const runs = Number(option('--runs', '15')) || 15
const dir = mkdtempSync(join(tmpdir(), 'board-bench-startup-'))
const env = {...process.env, BOARD_STORE: join(dir, 'board.db'), BOARD_CONFIG: join(dir, 'no-config.json'), LANG: 'C', LC_ALL: ''}
const bin = BIN

function median(cmd) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const r = spawnSync(process.execPath, cmd, {env, encoding: 'utf8'})
    times.push(performance.now() - started)
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

spawnSync(process.execPath, [bin, 'db', 'migrate'], {env}) // create and migrate the empty store first: list creates none
const base = median(['-e', '0'])
const version = median([bin, '--version'])
const list = median([bin, 'list'])
rmSync(dir, {recursive: true, force: true})
const row = (name, ms, target) => console.log(`${name.padEnd(22)} ${ms.toFixed(0).padStart(5)} ms   +${(ms - base).toFixed(0)} ms over node (target +${target})${ms - base <= target ? '' : '  OVER'}`)
console.log(`median of ${runs} runs`)
console.log(`${'node -e 0'.padEnd(22)} ${base.toFixed(0).padStart(5)} ms`)
row('board --version', version, 100)
row('board list (empty)', list, 200)
