import Database from 'better-sqlite3'
import {spawn} from 'node:child_process'
import {copyFileSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

// Ctrl-C during bulk work: the command stops between two items, says how many were done and how
// many not, exits 130, and what it reports matches the store.

const dir = mkdtempSync(join(tmpdir(), 'board-int-'))
const N = 2400

async function storeWith(name: string): Promise<string> {
  const store = join(dir, `${name}.db`)
  const csv = join(dir, `${name}.csv`)
  const rows = Array.from({length: N}, (_, i) => `${i + 1},u${i},小区停水第${i}号,2020-01-02 10:${String(i % 60).padStart(2, '0')}:00,正文${i},城乡建设`)
  writeFileSync(csv, ['留言编号,留言用户,留言主题,留言时间,留言详情,一级标签', ...rows].join('\n') + '\n')
  expect((await runCommand(['import', csv, '--source', 's'], {store})).status).toBe(0)
  expect((await runCommand(['unit', 'add', 'u1', '--name', '住建局'], {store})).status).toBe(0)
  return store
}

/** Starts board, sends SIGINT once `ready` says the work is under way, and waits for the exit. */
async function interruptWhen(args: string[], store: string, ready: (db: Database.Database) => boolean) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {
    env: {...process.env, BOARD_STORE: store, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C', LC_ALL: '', NO_COLOR: '1'},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))))
  const db = new Database(store, {readonly: true, fileMustExist: true})
  try {
    for (let i = 0; i < 600 && child.exitCode === null; i++) {
      if (ready(db)) break
      await new Promise((r) => setTimeout(r, 20))
    }
  } finally {
    db.close()
  }
  child.kill('SIGINT')
  return {status: await exited, stderr}
}

const events = (action: string) => (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM events WHERE action = ?').get(action) as {n: number}).n > 20

describe('Ctrl-C during bulk work', () => {
  let assignStore: string
  let triageStore: string
  beforeAll(async () => {
    // One import, two stores: the second is a copy of the first's file.
    assignStore = await storeWith('assign')
    triageStore = join(dir, 'triage.db')
    copyFileSync(assignStore, triageStore)
  }, 120_000)

  it('assign --yes stops between cases, says what was done and not, exits 130', async () => {
    const r = await interruptWhen(['assign', '--where', 'status=new', '--to', 'u1', '--yes'], assignStore, events('assign'))
    expect(r.status, r.stderr).toBe(130)
    const m = /interrupted: (\d+) of 2400 cases done, (\d+) not done/.exec(r.stderr)
    expect(m, r.stderr).not.toBeNull()
    const [done, left] = [Number(m![1]), Number(m![2])]
    expect(done + left).toBe(N)
    expect(left).toBeGreaterThan(0)
    const db = new Database(assignStore, {readonly: true})
    expect((db.prepare("SELECT count(*) AS n FROM cases WHERE status = 'assigned'").get() as {n: number}).n).toBe(done)
    db.close()
  }, 120_000)

  it('triage --auto stops between batches and exits 130', async () => {
    const r = await interruptWhen(['triage', '--auto', '--min-confidence', '0'], triageStore, events('triage'))
    expect(r.status, r.stderr).toBe(130)
    const m = /interrupted: (\d+) of 2400 cases done, (\d+) not done/.exec(r.stderr)
    expect(m, r.stderr).not.toBeNull()
    const db = new Database(triageStore, {readonly: true})
    // No case is left leased to the stopped run.
    expect((db.prepare("SELECT count(*) AS n FROM cases WHERE status = 'new' AND claim_expires_at IS NOT NULL AND claimed_by IS NOT NULL").get() as {n: number}).n).toBe(0)
    db.close()
  }, 120_000)
})
