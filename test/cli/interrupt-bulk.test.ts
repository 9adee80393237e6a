import Database from 'better-sqlite3'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest'

import {updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {disarm, interruptAt} from '../helpers/interrupt.js'
import {runCommand} from '../helpers/run-command.js'
import {GOOD_REPLY, incoming as message} from '../replies/fixtures.js'
import {webhookServer} from '../sla/notify-servers.js'

vi.mock('../../src/services/boundary.js', async (real) => (await import('../helpers/interrupt.js')).countingBoundary(await real()))

// Ctrl-C during each long or bulk command, in-process: the interrupt arrives at a chosen item or
// batch boundary through the command's own SIGINT handler. Each command stops there, says on
// stderr how many were done and how many not, exits 130, and the same command run again does the
// rest and nothing twice. (assign and triage --auto: test/cli/interrupts.test.ts, with a real signal.)

const dir = mkdtempSync(join(tmpdir(), 'board-intbulk-'))
const t0 = new Date('2024-03-04T01:00:00Z') // Monday 09:00 in Shanghai
const who = {actor: 'admin', now: t0}
const at = (h: number) => new Date(t0.getTime() + h * 3_600_000).toISOString()

const incoming = (ref: string) => message(ref, {source: 'i', title: `井盖缺失 ${ref}`, body: '井盖缺失', author: null, postedAt: t0.toISOString()})

async function storeWith(name: string, cases: number): Promise<string> {
  const location = join(dir, `${name}.db`)
  const store = await openStore(location, {now: t0})
  try {
    for (let i = 0; i < cases; i += 500) {
      await store.cases.importBatch(Array.from({length: Math.min(500, cases - i)}, (_, j) => incoming(String(i + j + 1))), who)
    }
  } finally {
    await store.close()
  }
  return location
}

/** Every case to unit szj, its deadlines set by the policy of the time. */
async function assignAll(s: Store, cases: number): Promise<void> {
  await s.units.upsert({code: 'szj', name: '市政局'}, who)
  const unit = (await s.units.find('szj'))!
  for (let i = 1; i <= cases; i++) {
    const c = (await s.cases.getByRef('i', String(i)))!
    const assigned = await s.cases.change(c.id, {status: 'assigned', unitId: unit.id}, {...who, action: 'assign'})
    await updateDeadlines(s, assigned, {action: 'assign', actor: 'admin', now: t0, zone: (await storeZone(s)).zone})
  }
}

const sql = <T>(location: string, query: string): T => {
  const db = new Database(location, {readonly: true})
  try {
    return db.prepare(query).get() as T
  } finally {
    db.close()
  }
}
const count = (location: string, query: string) => sql<{n: number}>(location, query).n

afterEach(() => void disarm())

describe('Ctrl-C in bulk commands', () => {
  it('sla recompute stops between cases, says done and not done, exits 130; a re-run does the rest', async () => {
    const store = await storeWith('recompute', 40)
    const s = await openStore(store, {now: t0})
    try {
      await s.settings.set('sla.policy', {rules: [{name: 'ten hours', resolve: '10h'}]}, who)
      await assignAll(s, 40)
      // The policy changes: every open case's deadline moves.
      await s.settings.set('sla.policy', {rules: [{name: 'twenty hours', resolve: '20h'}]}, who)
    } finally {
      await s.close()
    }
    const moved = () => count(store, `SELECT count(*) AS n FROM cases WHERE resolve_due_at = '${at(20)}'`)
    interruptAt(16)
    const r = await runCommand(['sla', 'recompute'], {store, now: t0})
    expect(r.status, r.stderr).toBe(130)
    expect(r.stderr).toMatch(/interrupted: 15 of 40 cases done, 25 not done/)
    expect(r.stderr).toMatch(/run the same command again/)
    expect(moved()).toBe(15)
    const again = await runCommand(['sla', 'recompute'], {store, now: t0})
    expect(again.status, again.stderr).toBe(0)
    expect(again.stderr).toMatch(/changed 25 of 40/)
    expect(moved()).toBe(40)
    // In Chinese too.
    interruptAt(1)
    const zh = await runCommand(['sla', 'recompute', '--lang', 'zh'], {store, now: t0})
    expect(zh.status).toBe(130)
    expect(zh.stderr).toMatch(/已中断：共 40 项留言，已完成 0 项，未完成 40 项/)
    expect(zh.stderr).not.toMatch(/changed|open cases/)
  })

  it('db search-index stops between batches, keeping what it indexed, exits 130; a re-run does the rest', async () => {
    const store = await storeWith('search-index', 40)
    const waiting = () => count(store, 'SELECT count(*) AS n FROM search_pending')
    expect(waiting()).toBe(40)
    interruptAt(2) // after the second batch of 10
    const r = await runCommand(['db', 'search-index', '--batch-size', '10'], {store, now: t0})
    expect(r.status, r.stderr).toBe(130)
    expect(r.stderr).toMatch(/interrupted: 20 of 40 cases done, 20 not done/)
    expect(waiting()).toBe(20)
    const again = await runCommand(['db', 'search-index', '--batch-size', '10', '--json'], {store, now: t0})
    expect(again.status, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({indexed: 20, left: 0})
    expect(waiting()).toBe(0)
  })

  it('export stops between pages, says how many were written and how many not, exits 130; a re-run writes all', async () => {
    const store = await storeWith('export', 1200)
    const out = join(dir, 'export.csv')
    interruptAt(2) // after the first page of 1000
    const r = await runCommand(['export', '--out', out], {store, now: t0})
    expect(r.status, r.stderr).toBe(130)
    expect(r.stderr).toMatch(/interrupted: 1000 of 1200 cases done, 200 not done/)
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1 + 1000)
    const again = await runCommand(['export', '--out', out], {store, now: t0})
    expect(again.status, again.stderr).toBe(0)
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1 + 1200)
  })

  it('db copy rolls back on Ctrl-C and says so; the target is left empty and a re-run copies everything', async () => {
    const from = await storeWith('copy-from', 1200)
    const to = join(dir, 'copy-to.db')
    interruptAt(3)
    const r = await runCommand(['db', 'copy', '--from', from, '--to', to], {now: t0})
    expect(r.status, r.stderr).toBe(130)
    expect(r.stderr).toMatch(/the copy was rolled back, the target store is as it was; nothing was copied/)
    expect(count(to, 'SELECT count(*) AS n FROM cases')).toBe(0)
    const again = await runCommand(['db', 'copy', '--from', from, '--to', to], {now: t0})
    expect(again.status, again.stderr).toBe(0)
    expect(count(to, 'SELECT count(*) AS n FROM cases')).toBe(1200)
    expect(count(to, 'SELECT count(*) AS n FROM events')).toBe(count(from, 'SELECT count(*) AS n FROM events'))
  })

  describe('replies and ratings', () => {
    const N = 12
    let store: string
    const outbox = join(dir, 'outbox')
    const run = (args: string[], as = 'clerk') => runCommand(args, {store, env: {BOARD_ACTOR: as}, now: t0})

    beforeAll(async () => {
      store = await storeWith('replies', N)
      writeFileSync(join(dir, 'channels.yaml'), `reply.channels:\n  outbox:\n    dir: ${outbox}\n`)
      expect((await run(['config', 'import', join(dir, 'channels.yaml')], 'admin')).status).toBe(0)
      for (let i = 1; i <= N; i++) {
        expect((await run(['reply', 'draft', `i/${i}`, '--body', GOOD_REPLY])).status).toBe(0)
        expect((await run(['reply', 'approve', `i/${i}`], 'leader')).status).toBe(0)
      }
    })

    it('reply send --approved stops between replies, exits 130; a re-run sends the rest and none twice', async () => {
      interruptAt(6)
      const r = await run(['reply', 'send', '--approved', '--yes'])
      expect(r.status, r.stderr).toBe(130)
      expect(r.stderr).toMatch(/interrupted: 5 of 12 replies done, 7 not done/)
      expect(readdirSync(outbox).filter((f) => f.endsWith('.json'))).toHaveLength(5)
      const again = await run(['reply', 'send', '--approved', '--yes'])
      expect(again.status, again.stderr).toBe(0)
      expect(again.stderr).toMatch(/sent 7, failed 0/)
      expect(readdirSync(outbox).filter((f) => f.endsWith('.json'))).toHaveLength(N)
      expect(count(store, "SELECT count(*) AS n FROM events WHERE action = 'reply.send'")).toBe(N)
    })

    it('rate import stops between rows, exits 130; a re-run records the rest and nothing twice', async () => {
      const file = join(dir, 'ratings.csv')
      writeFileSync(file, 'ref,rating,comment,time\n' + Array.from({length: N}, (_, i) => `${i + 1},满意,,2024-03-05 10:00:00`).join('\n') + '\n')
      interruptAt(5)
      const r = await run(['rate', 'import', file, '--source', 'i'])
      expect(r.status, r.stderr).toBe(130)
      expect(r.stderr).toMatch(/interrupted: 4 of 12 ratings done, 8 not done/)
      expect(count(store, 'SELECT count(*) AS n FROM ratings')).toBe(4)
      const again = await run(['rate', 'import', file, '--source', 'i'])
      expect(again.status, again.stderr).toBe(0)
      expect(again.stderr).toMatch(/recorded 8, already there 4/)
      expect(count(store, 'SELECT count(*) AS n FROM ratings')).toBe(N)
    })
  })

  describe('overdue --notify', () => {
    const N = 10
    let store: string
    let hook: Awaited<ReturnType<typeof webhookServer>>

    beforeAll(async () => {
      hook = await webhookServer()
      store = await storeWith('notify', N)
      const s = await openStore(store, {now: t0})
      try {
        await s.settings.set('sla.policy', {rules: [{name: 'ten hours', resolve: '10h'}]}, who)
        await s.settings.set('notify.channels', {units: {szj: [{type: 'webhook', url: hook.url}]}}, who)
        await s.settings.set('notify.delivery', {concurrency: 1}, who)
        await assignAll(s, N)
      } finally {
        await s.close()
      }
    })
    afterAll(() => hook.stop())

    it('stops between reminders, says how many were sent and how many wait, exits 130; a re-run sends the rest once', async () => {
      interruptAt(4)
      const r = await runCommand(['overdue', '--notify'], {store, env: {BOARD_NOW: at(8)}})
      expect(r.status, r.stderr).toBe(130)
      expect(r.stderr).toMatch(/interrupted: 3 of 10 reminders done, 7 not done/)
      expect(hook.received).toHaveLength(3)
      const again = await runCommand(['overdue', '--notify'], {store, env: {BOARD_NOW: at(8.1)}})
      expect(again.status, again.stderr).toBe(0)
      expect(hook.received).toHaveLength(N)
      expect(new Set(hook.received.map((b) => b.caseId)).size).toBe(N)
    })
  })
})
