import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {reopenCase} from '../../src/services/cases/lifecycle.js'
import {listOverdue} from '../../src/services/sla/overdue.js'
import {runNotify} from '../../src/services/sla/notify/run.js'
import type {Reminder} from '../../src/services/sla/notify/message.js'
import type {Sender} from '../../src/services/sla/notify/send.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// overdue and --notify follow the current cycle of a reopened case, and --notify --unit sends
// only that unit's reminders.

const t0 = Date.parse('2024-03-04T01:00:00Z')
const at = (h: number) => new Date(t0 + h * 3_600_000)
function incoming(ref: string): IncomingCase {
  return {
    source: 'test', ref, title: `井盖缺失 ${ref}`, body: '', author: null, contact: null, postedAt: new Date(t0).toISOString(),
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}
function recordingSender(): Sender & {sent: Reminder[]} {
  const sent: Reminder[] = []
  return {sent, async send(_c, r) {
    sent.push(r)
  }, close() {}}
}

describe.each(backendList)('current cycle and --unit on $name', (backend) => {
  let store: Store
  const ids: Record<string, number> = {}
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now: at(0)})
    const who = {actor: 'admin', now: at(0)}
    await store.units.upsert({code: 'u1', name: '一局'}, who)
    await store.units.upsert({code: 'u2', name: '二局'}, who)
    await store.settings.set('sla.policy', {rules: [{name: 'short', respond: '2h', resolve: '10h'}]}, who)
    await store.settings.set('notify.channels', {units: {'*': [{type: 'webhook', url: 'http://127.0.0.1:9/hook'}]}}, who)
    await store.cases.importBatch(['a', 'b', 'c'].map(incoming), who)
    for (const [ref, unit] of [['a', 'u1'], ['b', 'u2'], ['c', 'u1']]) {
      const c = (await store.cases.getByRef('test', ref))!
      const u = (await store.units.find(unit))!
      const assigned = await store.cases.change(c.id, {status: 'assigned', unitId: u.id}, {...who, action: 'assign'})
      await updateDeadlines(store, assigned, {action: 'assign', actor: 'admin', now: at(0), zone: (await storeZone(store)).zone})
      ids[ref] = c.id
    }
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('a reopened case is overdue against the deadline of its new cycle', async () => {
    const replied = await store.cases.change(ids.c, {status: 'replied', respondedAt: at(1).toISOString()}, {actor: 'h', now: at(1), action: 'reply.send'})
    await updateDeadlines(store, replied, {action: 'reply.send', actor: 'h', now: at(1), zone: (await storeZone(store)).zone})
    await reopenCase(store, String(ids.c), {actor: 'citizen', now: at(20), reason: 'not fixed'})
    const c = (await store.cases.get(ids.c))!
    expect(c.respondDueAt).toBe(at(22).toISOString())
    const r = await listOverdue(store, {at: at(23)})
    const items = r.groups.flatMap((g) => g.items).filter((i) => i.caseId === ids.c)
    expect(items.map((i) => `${i.stage} ${i.dueAt}`)).toEqual([`respond ${at(22).toISOString()}`])
  })

  it('--notify reminds the reopened case of its new respond deadline', async () => {
    const sender = recordingSender()
    await runNotify(store, {now: at(23), dryRun: false, unit: 'u1', sender})
    expect(sender.sent.filter((r) => r.caseId === ids.c).map((r) => `${r.stage} ${r.dueAt}`)).toContain(`respond ${at(22).toISOString()}`)
  })

  it('--notify --unit sends only that unit\'s reminders, now and on retries', async () => {
    const sender = recordingSender()
    const r = await runNotify(store, {now: at(12), dryRun: false, unit: 'u2', sender})
    expect(new Set(sender.sent.map((x) => x.caseId))).toEqual(new Set([ids.b]))
    expect(r.sent.every((x) => x.caseId === ids.b)).toBe(true)
  })
})
