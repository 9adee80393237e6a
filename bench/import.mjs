#!/usr/bin/env node
// board import beside the sqlite3 shell's `.import --csv` of the same file, in the same run.
//   node bench/import.mjs [--rows N] [--dir DIR] [--keep]
// Generates N synthetic rows shaped like the TipDM exports (ref, user, title, time, ~300 Chinese
// characters of body with the odd quoted comma and line break, label; ~1 KB a row, ~1 GB at the
// default 1,000,000), imports them with the sqlite3 shell into a table of the same shape (text
// columns, unique ref) and with `board import`, and prints both times, the ratio and board's peak
// RSS. Targets: within 2.5x of the shell, peak RSS under 300 MB at 1M rows.
import {execFileSync, spawnSync} from 'node:child_process'
import {createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {once} from 'node:events'
import {join} from 'node:path'
import {tmpdir} from 'node:os'
import {flag, option} from './args.mjs'

const rows = Number(option('--rows', '1000000'))
const dir = option('--dir', join(tmpdir(), `board-bench-import-${process.pid}`))
const keep = flag('--keep')
const root = join(import.meta.dirname, '..')
mkdirSync(dir, {recursive: true})
const csv = join(dir, `messages-${rows}.csv`)

// A fixed PRNG: every run imports the same file.
let seed = 42
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32)
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质'
const LABELS = ['城乡建设', '环境保护', '交通运输', '教育文体', '劳动和社会保障', '商贸旅游', '卫生计生']
const han = (n) => {
  let s = ''
  for (let i = 0; i < n; i++) s += HAN[(rand() * HAN.length) | 0]
  return s
}
const pad = (n) => String(n).padStart(2, '0')

async function generate() {
  if (existsSync(csv)) return
  const out = createWriteStream(csv + '.part')
  out.write('留言编号,留言用户,留言主题,留言时间,留言详情,一级标签\n')
  let buf = ''
  for (let i = 1; i <= rows; i++) {
    const t = new Date(Date.UTC(2018, 0, 1) + Math.floor(rand() * 2 * 365 * 86_400) * 1000)
    const when = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
    let body = han(240 + ((rand() * 120) | 0))
    const quoted = rand() < 0.05
    if (quoted) body = body.slice(0, 100) + '，"引用"，\n' + body.slice(100)
    const b = quoted ? `"${body.replaceAll('"', '""')}"` : body
    buf += `${100000 + i},A${String((rand() * 1e8) | 0).padStart(9, '0')},${han(12 + ((rand() * 16) | 0))},${when},${b},${LABELS[(rand() * LABELS.length) | 0]}\n`
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.write(buf)
  out.end()
  await once(out, 'finish')
  execFileSync('mv', [csv + '.part', csv])
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
  const r = timed(join(root, 'bin', 'run.js'), ['import', csv, '--source', 'bench', '--store', db, '--rejects', join(dir, 'rejects.csv')], {
    env: {...process.env, BOARD_CONFIG: join(dir, 'no-config.json'), BOARD_ACTOR: 'bench'},
  })
  const summary = r.stderr.split('\n').find((l) => l.includes('inserted')) ?? ''
  return {...r, summary}
}

/**
 * Wall time, CPU time (user + system, all threads) and peak RSS (worker threads included) of a
 * command, from /usr/bin/time. On a shared machine the CPU seconds are the steadier comparison.
 */
function timed(cmd, argv, opts) {
  const out = join(dir, 'time.txt')
  const started = performance.now()
  const hasTime = existsSync('/usr/bin/time')
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-o', out, '-f', '%U %S %M', cmd, ...argv], {encoding: 'utf8', maxBuffer: 1 << 26, ...opts})
    : spawnSync(cmd, argv, {encoding: 'utf8', maxBuffer: 1 << 26, ...opts})
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.slice(-2000)}`)
  const [user, sys, kb] = hasTime ? readFileSync(out, 'utf8').trim().split(/\s+/).slice(-3).map(Number) : [NaN, NaN, NaN]
  return {seconds, cpu: user + sys, rssMb: kb / 1024, stderr: r.stderr}
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
if (shell) console.log(`ratio board / sqlite3: ${(b.seconds / shell.seconds).toFixed(2)}x wall (target <= 2.5x), ${(b.cpu / shell.cpu).toFixed(2)}x cpu`)
console.log(`peak RSS: ${b.rssMb.toFixed(0)} MB (target < 300 MB)`)
if (!keep) rmSync(dir, {recursive: true, force: true})
