#!/usr/bin/env node
// board import beside the sqlite3 shell's `.import --csv` of the same file, in the same run.
//   node bench/import.mjs [--rows N] [--dir DIR] [--keep]
// Generates N synthetic rows shaped like the TipDM exports (ref, user, title, time, ~300 Chinese
// characters of body with the odd quoted comma and line break, label; ~1 KB a row, ~1 GB at the
// default 1,000,000), imports them with the sqlite3 shell into a table of the same shape (text
// columns, unique ref) and with `board import`, and prints both times, the ratio and board's peak
// RSS. Targets: within 2x of the shell, peak RSS under 300 MB at 1M rows. The catch-up of the search
// index that the import starts on its own (board db search-index) is stopped: it is not the import's
// time, and it would weigh on the next run; bench/search.mjs times it.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, renameSync, rmSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {tmpdir} from 'node:os'
import {BIN, flag, option, timed} from './common.mjs'
import {writeMessages} from './synthetic.mjs'

const rows = Number(option('--rows', '1000000'))
const dir = option('--dir', join(tmpdir(), `board-bench-import-${process.pid}`))
const keep = flag('--keep')
mkdirSync(dir, {recursive: true})
const csv = join(dir, `messages-${rows}.csv`)

async function generate() {
  if (existsSync(csv)) return
  await writeMessages(csv + '.part', rows, {replies: false})
  renameSync(csv + '.part', csv)
}

function sqliteShell() {
  const db = join(dir, 'shell.db')
  rmSync(db, {force: true})
  const script = [
    'PRAGMA journal_mode = WAL;',
    'PRAGMA synchronous = NORMAL;',
    'CREATE TABLE messages (ref TEXT NOT NULL UNIQUE, author TEXT, title TEXT, posted_at TEXT, body TEXT, category TEXT);',
    `.import --csv --skip 1 '${csv}' messages`,
  ].join('\n')
  const r = timed('sqlite3', [db], {input: script})
  const n = execFileSync('sqlite3', [db, 'SELECT count(*) FROM messages'], {encoding: 'utf8'}).trim()
  return {...r, rows: Number(n)}
}

function board() {
  const db = join(dir, 'board.db')
  for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, {force: true})
  // Run as the installed `board` runs: the script itself, so its shebang's node flags apply.
  const r = timed(BIN, ['import', csv, '--source', 'bench', '--store', db, '--rejects', join(dir, 'rejects.csv')], {
    env: {...process.env, BOARD_CONFIG: join(dir, 'no-config.json'), BOARD_ACTOR: 'bench'},
  })
  // The catch-up this import started: any of this build's, on a machine that runs only the bench.
  spawnSync('pkill', ['-f', `${BIN} db search-index`])
  const summary = r.stderr.split('\n').find((l) => l.includes('inserted')) ?? ''
  return {...r, summary}
}

await generate()
const mb = statSync(csv).size / 1e6
console.log(`file: ${csv} (${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB)`)
const hasShell = spawnSync('sqlite3', ['--version']).status === 0
const shell = hasShell ? sqliteShell() : null
if (shell) console.log(`sqlite3 .import --csv: ${shell.seconds.toFixed(1)} s, cpu ${shell.cpu.toFixed(1)} s (${shell.rows.toLocaleString('en')} rows)`)
else console.log('sqlite3 shell not found (apt-get install -y sqlite3): baseline skipped')
const b = board()
console.log(`board import:          ${b.seconds.toFixed(1)} s, cpu ${b.cpu.toFixed(1)} s, peak RSS ${b.rssMb.toFixed(0)} MB`)
console.log(`  ${b.summary.trim()}`)
if (shell) console.log(`ratio board / sqlite3: ${(b.seconds / shell.seconds).toFixed(2)}x wall (target <= 2x), ${(b.cpu / shell.cpu).toFixed(2)}x cpu`)
console.log(`peak RSS: ${b.rssMb.toFixed(0)} MB (target < 300 MB)`)
if (!keep) rmSync(dir, {recursive: true, force: true})
