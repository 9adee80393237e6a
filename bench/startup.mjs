#!/usr/bin/env node
// Start-up time, medians of N runs (default 11): `board --version` beside `node -e 0` (target:
// within 60 ms) and `board list` on an empty store (target: within 120 ms). The three commands
// take turns, so a change in the machine's load falls on all of them alike.
//   node bench/startup.mjs [--runs N]
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {BIN, option} from './common.mjs'

const runs = Number(option('--runs', '11')) || 11
const dir = mkdtempSync(join(tmpdir(), 'board-bench-startup-'))
const env = {...process.env, BOARD_STORE: join(dir, 'board.db'), BOARD_CONFIG: join(dir, 'no-config.json'), LANG: 'C', LC_ALL: ''}
const bin = BIN

function time(cmd) {
  const started = performance.now()
  const r = spawnSync(process.execPath, cmd, {env, encoding: 'utf8'})
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr}`)
  return performance.now() - started
}

const median = (times) => times.toSorted((a, b) => a - b)[Math.floor(times.length / 2)]

try {
  time([bin, 'db', 'migrate']) // list reads a store and never creates one
  const cases = {base: ['-e', '0'], version: [bin, '--version'], list: [bin, 'list']}
  const times = {base: [], version: [], list: []}
  for (let i = 0; i < runs; i++) for (const [name, cmd] of Object.entries(cases)) times[name].push(time(cmd))
  const base = median(times.base)
  const row = (name, ms, target) =>
    console.log(`${name.padEnd(22)} ${ms.toFixed(0).padStart(5)} ms   +${(ms - base).toFixed(0)} ms over node (target +${target})${ms - base <= target ? '' : '  OVER'}`)
  console.log(`median of ${runs} runs`)
  console.log(`${'node -e 0'.padEnd(22)} ${base.toFixed(0).padStart(5)} ms`)
  row('board --version', median(times.version), 60)
  row('board list (empty)', median(times.list), 120)
} finally {
  rmSync(dir, {recursive: true, force: true})
}
