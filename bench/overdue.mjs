// board overdue on 1,000,000 cases (indexed deadlines) must take < 1 s of process time, and
// --notify of 10,000 reminders to a loopback webhook < 30 s. Baseline: the same command on an
// empty store (process start-up). Needs `npm run build`. Usage: node bench/overdue.mjs [cases]
import Database from 'better-sqlite3'
import {existsSync, mkdirSync, rmSync} from 'node:fs'
import {createServer} from 'node:http'
import {join} from 'node:path'
import {BIN, builtOpenStore, ROOT, timed} from './common.mjs'

const OUT = join(ROOT, 'bench', 'out')
const N = Number(process.argv[2] ?? 1_000_000)
const AT = '2024-06-15T02:00:00.000Z'
mkdirSync(OUT, {recursive: true})
const openStore = await builtOpenStore()

async function makeStore(path, n, open) {
  if (existsSync(path)) rmSync(path)
  const store = await openStore(path, {now: new Date('2024-01-01T00:00:00Z')})
  await store.close()
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  const now = '2024-01-01T00:00:00.000Z'
  db.prepare("INSERT INTO units (id, code, name, created_at) VALUES (1, 'u1', '市住建局', ?), (2, 'u2', '市交通局', ?)").run(now, now)
  const ins = db.prepare(`INSERT INTO cases (source, ref, title, posted_at, status, unit_id, respond_due_at, resolve_due_at, responded_at, created_at, updated_at)
    VALUES ('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const base = Date.parse('2024-01-01T00:00:00Z')
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const isOpen = open(i)
      const posted = new Date(base + ((i * 7919) % (170 * 86400)) * 1000).toISOString()
      const due = new Date(Date.parse(posted) + 21 * 86_400_000).toISOString()
      ins.run(String(i), `留言 ${i}`, posted, isOpen ? 'assigned' : 'closed', 1 + (i % 2), due, due, posted, now, now)
    }
  })()
  db.close()
}

function run(args, store) {
  // --fail-if-any: exit 3 when something is listed.
  const env = {...process.env, BOARD_STORE: store, BOARD_CONFIG: join(ROOT, '.no-config.json'), NO_COLOR: '1'}
  const r = timed(process.execPath, [BIN, ...args, '--fail-if-any'], {env, ok: [0, 3]})
  return {listed: r.status === 3 ? JSON.parse(r.stdout).count : 0, wall: r.seconds, process: r.cpu}
}

const big = join(OUT, `overdue-${N}.db`)
const empty = join(OUT, 'overdue-empty.db')
if (!existsSync(big)) {
  const t = Date.now()
  await makeStore(big, N, (i) => i % 100 === 0)
  console.log(`built ${N} cases in ${((Date.now() - t) / 1000).toFixed(1)} s`)
}
await makeStore(empty, 1, () => true)
const baseline = run(['overdue', '--json', '--at', AT], empty)
const result = run(['overdue', '--json', '--at', AT], big)
console.log(`overdue, empty store: ${baseline.process.toFixed(2)} s process (${baseline.wall.toFixed(2)} s wall)`)
console.log(`overdue, ${N} cases: ${result.listed} listed, ${result.process.toFixed(2)} s process (${result.wall.toFixed(2)} s wall), ratio ${(result.process / baseline.process).toFixed(2)}`)

// --notify: 10,000 reminders to a webhook on 127.0.0.1
let received = 0
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => (received++, res.end('{}')))
})
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const notifyStore = join(OUT, 'notify-10k.db')
await makeStore(notifyStore, 10_000, () => true)
const db = new Database(notifyStore)
db.prepare("INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('notify.channels', ?, ?, 'bench')").run(
  JSON.stringify({units: {'*': [{type: 'webhook', url: `http://127.0.0.1:${server.address().port}/`}]}}), AT,
)
db.close()
const t = Date.now()
await new Promise((resolve, reject) => {
  import('node:child_process').then(({spawn}) => {
    const child = spawn(process.execPath, [BIN, 'overdue', '--notify', '--at', '2024-12-31T00:00:00Z'], {
      env: {...process.env, BOARD_STORE: notifyStore, BOARD_CONFIG: join(ROOT, '.no-config.json')}, stdio: 'inherit',
    })
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`notify exit ${code}`))))
  })
})
const notifySeconds = (Date.now() - t) / 1000
server.close()
console.log(`overdue --notify: ${received} reminders delivered in ${notifySeconds.toFixed(1)} s`)
const ok = result.process < 1 && received === 10_000 && notifySeconds < 30
console.log(ok ? 'PASS' : 'FAIL (targets: overdue < 1 s process time; 10,000 reminders < 30 s)')
process.exitCode = ok ? 0 : 1
