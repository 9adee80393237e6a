import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {afterAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {closeCase} from '../../src/services/cases/lifecycle.js'
import {loadSlaContext} from '../../src/services/sla/context.js'
import {type Reminder, reminderKey} from '../../src/services/sla/notify/message.js'
import {planReminders} from '../../src/services/sla/notify/plan.js'
import {runNotify} from '../../src/services/sla/notify/run.js'
import type {Sender} from '../../src/services/sla/notify/send.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList, type Backend} from '../helpers/backends.js'

// Exactly-once delivery under any run length: each reminder is claimed just before it is sent and
// the claim is renewed while the run lives; a killed run's claims lapse and are retried; retries
// are rendered at send time and carry the same idempotency key. The claim period is shortened by
// the notify.delivery setting so that sends outlast it.

const t0 = Date.parse('2024-03-04T01:00:00Z')
const at = (h: number) => new Date(t0 + h * 3_600_000)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function incoming(ref: string): IncomingCase {
  return {
    source: 'test', ref, title: `井盖缺失 ${ref}`, body: '', author: null, contact: null, postedAt: new Date(t0).toISOString(),
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}

async function setup(backend: Backend, cases: number, webhook = 'http://127.0.0.1:9/hook'): Promise<string> {
  const location = await backend.location()
  const store = await openStore(location, {now: at(0)})
  try {
    const who = {actor: 'admin', now: at(0)}
    await store.units.upsert({code: 'szj', name: '市政局'}, who)
    await store.settings.set('sla.policy', {rules: [{name: 'ten hours', resolve: '10h'}]}, who)
    await store.settings.set('notify.channels', {units: {szj: [{type: 'webhook', url: webhook}]}}, who)
    await store.settings.set('notify.delivery', {claimSeconds: 1, concurrency: 2}, who)
    await store.cases.importBatch(Array.from({length: cases}, (_, i) => incoming(String(i + 1))), who)
    const unit = (await store.units.find('szj'))!
    for (let i = 1; i <= cases; i++) {
      const c = (await store.cases.getByRef('test', String(i)))!
      const assigned = await store.cases.change(c.id, {status: 'assigned', unitId: unit.id}, {...who, action: 'assign'})
      await updateDeadlines(store, assigned, {action: 'assign', actor: 'admin', now: at(0), zone: (await storeZone(store)).zone})
    }
  } finally {
    await store.close()
  }
  return location
}

function slowSender(delayMs: number, received: Reminder[], failFirst = 0): Sender {
  let calls = 0
  return {
    async send(_channel, r) {
      await sleep(delayMs)
      if (++calls <= failFirst) throw new Error('HTTP 502 from hook')
      received.push(r)
    },
    close() {},
  }
}

const perReminder = (received: Reminder[]) => {
  const n = new Map<string, number>()
  for (const r of received) n.set(`${r.caseId}/${r.step}`, (n.get(`${r.caseId}/${r.step}`) ?? 0) + 1)
  return n
}

describe.each(backendList)('reminder delivery on $name', (backend) => {
  const open: Store[] = []
  const connect = async (location: string) => {
    const s = await openStore(location, {now: at(0)})
    open.push(s)
    return s
  }
  afterAll(async () => {
    for (const s of open) await s.close()
    await backend.cleanup()
  })

  it('two overlapping runs, each longer than the claim, with sends slower than it: every reminder once', async () => {
    const location = await setup(backend, 6)
    const [a, b] = [await connect(location), await connect(location)]
    const received: Reminder[] = []
    // Run B starts 310 s "later" (its --at) while A is still sending; claims are real time either way.
    const runA = runNotify(a, {now: at(8), dryRun: false, sender: slowSender(1500, received)})
    await sleep(300)
    const runB = runNotify(b, {now: new Date(at(8).getTime() + 310_000), dryRun: false, sender: slowSender(1500, received)})
    const [ra, rb] = await Promise.all([runA, runB])
    expect(received).toHaveLength(6)
    expect([...perReminder(received).values()].every((n) => n === 1)).toBe(true)
    expect(ra.sent.length + rb.sent.length).toBe(6)
    expect(new Set(received.map((r) => r.key)).size).toBe(6)
  }, 30_000)

  it("a killed run's claims lapse after the claim period and a later run sends them, once", async () => {
    const location = await setup(backend, 4)
    const store = await connect(location)
    const sla = await loadSlaContext(store)
    await store.sla.enqueue((await planReminders(store, sla, at(8))).entries, at(8))
    // The dead run held two reminders when it was killed (never marked sent or failed).
    const held = await store.sla.claimOutbox({worker: 'dead', now: at(8), leaseNow: new Date(), leaseSeconds: 1, limit: 2})
    expect(held).toHaveLength(2)
    const received: Reminder[] = []
    const first = await runNotify(store, {now: at(8), dryRun: false, sender: slowSender(10, received)})
    expect(first.sent.map((s) => s.caseId).sort()).not.toContain(held[0].caseId)
    expect(received).toHaveLength(2)
    await sleep(1200)
    await runNotify(store, {now: at(8), dryRun: false, sender: slowSender(10, received)})
    expect(received).toHaveLength(4)
    expect([...perReminder(received).values()].every((n) => n === 1)).toBe(true)
  }, 30_000)

  it('a retry is rendered at send time, with the same key, in the store locale', async () => {
    const hits: {key: string | undefined; body: {text: string; lateMs: number; idempotencyKey: string}}[] = []
    let fail = true
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        if (fail) {
          fail = false
          res.writeHead(502).end()
          return
        }
        hits.push({key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(body)})
        res.writeHead(200, {'content-type': 'application/json'}).end('{}')
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    try {
      const location = await setup(backend, 1, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)
      const store = await connect(location)
      const firstTry = await runNotify(store, {now: new Date(at(10).getTime() + 30 * 60_000), dryRun: false})
      expect(firstTry.failed).toHaveLength(1)
      await store.settings.set('store.locale', 'en', {actor: 'admin', now: at(10)})
      const retry = await runNotify(store, {now: at(14), dryRun: false})
      expect(retry.sent).toHaveLength(1)
      expect(hits).toHaveLength(1)
      const {key, body} = hits[0]
      expect(key).toBe(reminderKey({...firstTry.failed[0], dueAt: at(10).toISOString()}))
      expect(body.idempotencyKey).toBe(key)
      expect(Math.abs(body.lateMs - 4 * 3_600_000)).toBeLessThan(60_000)
      expect(body.text).toContain('overdue by 4h 0m')
      expect(body.text).not.toMatch(/超期|单位|留言/)
    } finally {
      server.closeAllConnections()
      await new Promise<void>((r) => server.close(() => r()))
    }
  }, 30_000)

  it('a retry for a case answered meanwhile is dropped, not sent', async () => {
    const location = await setup(backend, 1)
    const store = await connect(location)
    const received: Reminder[] = []
    const first = await runNotify(store, {now: at(8), dryRun: false, sender: slowSender(1, received, 1)})
    expect(first.failed).toHaveLength(1)
    await closeCase(store, String(first.failed[0].caseId), {actor: 'h', now: at(9)})
    const retry = await runNotify(store, {now: at(9), dryRun: false, sender: slowSender(1, received)})
    expect(received).toEqual([])
    expect(retry.dropped).toMatchObject([{caseId: first.failed[0].caseId, reason: 'the case is closed'}])
    expect(await store.sla.failures()).toEqual([])
  }, 30_000)
})
