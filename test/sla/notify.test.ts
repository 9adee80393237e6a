import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {openStore} from '../../src/store/open.js'
import {backendList} from '../helpers/backends.js'
import {smtpServer} from '../helpers/smtp-server.js'
import {runCommand} from '../helpers/run-command.js'
import {boardAsync, webhookServer} from './notify-servers.js'

// `board overdue --notify` against a real webhook and a real SMTP server on 127.0.0.1: every
// reminder arrives once, a channel that was down gets it once it is back, two runs at once send
// nothing twice. Needs `npm run build`.

const t0 = Date.parse('2024-03-04T01:00:00Z') // Monday 09:00 in Shanghai
const hours = (h: number) => new Date(t0 + h * 3_600_000).toISOString()

function incoming(ref: string): IncomingCase {
  return {
    source: 'test', ref, title: `井盖缺失 ${ref}`, body: '', author: null, contact: null, postedAt: new Date(t0).toISOString(),
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}

async function prepare(location: string, opts: {cases: number; webhook: string; smtpPort?: number}): Promise<number[]> {
  const now = new Date(t0)
  const store = await openStore(location, {now})
  try {
    const who = {actor: 'admin', now}
    await store.units.upsert({code: 'szj', name: '市政局', supervisor: 'chief@example.org'}, who)
    await store.settings.set('sla.policy', {rules: [{name: 'ten hours', resolve: '10h'}]}, who)
    const channels = [{type: 'webhook', url: opts.webhook}, ...(opts.smtpPort ? [{type: 'email', to: ['duty@example.org']}] : [])]
    await store.settings.set('notify.channels', {
      units: {szj: channels},
      ...(opts.smtpPort ? {smtp: {host: '127.0.0.1', port: opts.smtpPort, from: 'board@example.org'}} : {}),
    }, who)
    await store.cases.importBatch(Array.from({length: opts.cases}, (_, i) => incoming(String(i + 1))), who)
    const unit = (await store.units.find('szj'))!
    const ids: number[] = []
    for (let i = 1; i <= opts.cases; i++) {
      const c = (await store.cases.getByRef('test', String(i)))!
      const assigned = await store.cases.change(c.id, {status: 'assigned', unitId: unit.id}, {...who, action: 'assign'})
      await updateDeadlines(store, assigned, {action: 'assign', actor: 'admin', now, zone: (await storeZone(store)).zone})
      ids.push(c.id)
    }
    return ids
  } finally {
    await store.close()
  }
}

describe.each(backendList)('overdue --notify on $name', (backend) => {
  afterAll(() => backend.cleanup())

  describe('one case through the ladder, webhook and email', () => {
    let location: string
    let hook: Awaited<ReturnType<typeof webhookServer>>
    let smtp: Awaited<ReturnType<typeof smtpServer>>
    let id: number
    const notify = (at: string, extra: string[] = []) => runCommand(['overdue', '--notify', ...extra], {store: location, env: {BOARD_NOW: at}})
    const hookSteps = () => hook.received.map((b) => `${b.caseId}:${b.step}`)
    const mailSteps = () => smtp.received.map((m) => `${m.headers['x-board-case']}:${m.headers['x-board-step']}>${m.to.join(',')}`)

    beforeAll(async () => {
      hook = await webhookServer()
      smtp = await smtpServer()
      location = await backend.location()
      ;[id] = await prepare(location, {cases: 1, webhook: hook.url, smtpPort: smtp.port})
    })
    afterAll(async () => {
      await hook.stop().catch(() => {})
      await smtp.close()
    })

    it('dry run shows the 75 % reminder and sends nothing', async () => {
      const r = await notify(hours(8), ['--dry-run', '--json'])
      expect(r.status).toBe(0)
      expect(JSON.parse(r.stdout).plan.map((p: {step: string; channel: string}) => `${p.step}/${p.channel}`)).toEqual(['p75/webhook:0', 'p75/email:1'])
      expect(hook.received).toEqual([])
    })

    it('sends each step once, however often cron runs', async () => {
      expect((await notify(hours(8))).status).toBe(0)
      expect((await notify(hours(8.5))).status).toBe(0)
      expect(hookSteps()).toEqual([`${id}:p75`])
      expect(mailSteps()).toEqual([`${id}:p75>duty@example.org`])
      expect(hook.received[0]).toMatchObject({event: 'sla.reminder', stage: 'resolve', unit: '市政局', dueAt: hours(10)})
      await notify(hours(10))
      await notify(hours(21)) // 2× the time allowed: escalate, also to the unit's supervisor
      expect(hookSteps()).toEqual([`${id}:p75`, `${id}:due`, `${id}:escalate`])
      expect(mailSteps().sort()).toEqual(
        [`${id}:p75>duty@example.org`, `${id}:due>duty@example.org`, `${id}:escalate>duty@example.org`, `${id}:escalate>chief@example.org`].sort(),
      )
    })

    it('a webhook that is down then up gets the reminder exactly once; the failure exits 1 and is retried with backoff', async () => {
      await hook.stop()
      const down = await notify(hours(35)) // 24 h after the deadline: late1
      expect(down.status).toBe(1)
      expect(down.stderr).toMatch(/late1 via webhook:0/)
      expect(mailSteps().filter((s) => s.includes(':late1'))).toHaveLength(1) // email was up
      await hook.start()
      const early = await notify(hours(35 + 1 / 60)) // before the 5-minute backoff
      expect(early.status).toBe(0)
      expect(hookSteps().filter((s) => s.endsWith(':late1'))).toEqual([])
      expect((await notify(hours(35.2))).status).toBe(0)
      expect((await notify(hours(35.3))).status).toBe(0)
      expect(hookSteps().filter((s) => s.endsWith(':late1'))).toEqual([`${id}:late1`])
      expect(mailSteps().filter((s) => s.includes(':late1'))).toHaveLength(1)
    })
  })

  it('two --notify runs at once send nothing twice', async () => {
    const hook = await webhookServer({delayMs: 10})
    try {
      const location = await backend.location()
      const ids = await prepare(location, {cases: 150, webhook: hook.url}) // three claim batches each
      const run = () => boardAsync(['overdue', '--notify', '--json'], {store: location, env: {BOARD_NOW: hours(11)}})
      const [a, b] = await Promise.all([run(), run()])
      expect([a.status, b.status]).toEqual([0, 0])
      const keys = hook.received.map((x) => `${x.caseId}:${x.step}`)
      expect(keys.length).toBe(150)
      expect(new Set(keys)).toEqual(new Set(ids.map((i) => `${i}:due`)))
      const sent = JSON.parse(a.stdout).sent.length + JSON.parse(b.stdout).sent.length
      expect(sent).toBe(150)
    } finally {
      await hook.stop()
    }
  })
})
