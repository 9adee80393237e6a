import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'

import {updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {loadSlaContext} from '../../src/services/sla/context.js'
import {explainSla} from '../../src/services/sla/explain.js'
import {listOverdue} from '../../src/services/sla/overdue.js'
import {recomputeAll} from '../../src/services/sla/recompute.js'
import {setWaiting} from '../../src/services/sla/wait.js'
import {openStore} from '../../src/store/open.js'
import type {OutboxEntry} from '../../src/store/sla.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

const t0 = new Date('2023-09-27T01:00:00Z') // Wednesday 09:00 in Shanghai, before National Day
function incoming(ref: string, over: Partial<IncomingCase> = {}): IncomingCase {
  return {
    source: 'test', ref, title: `标题 ${ref}`, body: '', author: 'U1', contact: null, postedAt: '2023-09-25T01:00:00.000Z',
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
  }
}
const clerk = (now: Date) => ({actor: 'clerk', now})

describe.each(backendList)('SLA store on $name', (backend) => {
  let store: Store
  let other: Store
  let caseId: number
  beforeAll(async () => {
    const location = await backend.location()
    store = await openStore(location, {now: t0})
    other = await openStore(location, {now: t0})
    await store.units.upsert({code: 'zjj', name: '市住建局', supervisor: 'boss@example.org'}, clerk(t0))
    await store.handlers.upsert({code: 'li', name: '李四', unitCode: 'zjj'}, clerk(t0))
    await store.cases.importBatch([incoming('1', {postedAt: '2023-09-26T03:00:00.000Z', body: '路灯不亮'}), incoming('2', {body: '路面坑洼'})], clerk(t0))
    caseId = (await store.cases.getByRef('test', '1'))!.id
  })
  afterAll(async () => {
    await other?.close()
    await store?.close()
    await backend.cleanup()
  })

  it('assign stores deadlines on the case from the default policy, across National Day 2023', async () => {
    const unit = (await store.units.find('zjj'))!
    const handler = (await store.handlers.find('li'))!
    const c = await store.cases.change(caseId, {status: 'assigned', unitId: unit.id, handlerId: handler.id}, {...clerk(t0), action: 'assign'})
    await updateDeadlines(store, c, {action: 'assign', actor: 'clerk', now: t0, zone: (await storeZone(store)).zone})
    const after = (await store.cases.get(caseId))!
    expect(after.respondDueAt).toBe('2023-09-28T09:30:00.000Z')
    expect(after.resolveDueAt).toBe('2023-10-24T09:30:00.000Z')
    const events = await store.events.forCase(caseId)
    expect(events.at(-1)).toMatchObject({action: 'sla.deadline', actor: 'clerk'})
    expect((await store.sla.getClock(caseId))?.ruleName).toBe('default')
  })

  it('reads many clocks at once as it reads one, past a query\'s worth of cases', async () => {
    const ids = [caseId, ...Array.from({length: 1200}, (_, i) => 10_000_000 + i), caseId]
    const clocks = await store.sla.getClocks(ids)
    expect([...clocks.keys()]).toEqual([caseId])
    expect(clocks.get(caseId)).toEqual(await store.sla.getClock(caseId))
    expect((await store.sla.getClocks([])).size).toBe(0)
  })

  it('waiting stops the clock; resuming restores the status and moves the deadline by the working days waited', async () => {
    const waited = await setWaiting(store, String(caseId), true, {...clerk(new Date('2023-10-09T00:00:00Z')), reason: 'asked for the address'})
    expect(waited.status).toBe('waiting')
    const resumed = await setWaiting(store, String(caseId), false, clerk(new Date('2023-10-12T00:00:00Z')))
    expect(resumed.status).toBe('assigned')
    expect(resumed.resolveDueAt).toBe('2023-10-27T09:30:00.000Z')
    const e = await explainSla(store, String(caseId), {now: new Date('2023-10-12T00:00:00Z')})
    expect(e.history!.pauses).toEqual([{from: '2023-10-09T00:00:00.000Z', to: '2023-10-12T00:00:00.000Z'}])
    expect(e.resolve?.skipped.some((d) => d.date === '2023-10-02' && d.kind === 'holiday')).toBe(true)
  })

  it('overdue lists breached stages of open cases only, latest first, by unit', async () => {
    const at = new Date('2023-10-30T00:00:00Z')
    const r = await listOverdue(store, {at})
    expect(r.groups.map((g) => g.unit)).toEqual(['市住建局'])
    expect(r.groups[0].items.map((i) => [i.caseId, i.stage, i.handler])).toEqual([[caseId, 'respond', '李四'], [caseId, 'resolve', '李四']])
    expect(r.groups[0].items[1].lateMs).toBe(at.getTime() - Date.parse('2023-10-27T09:30:00.000Z'))
    expect((await listOverdue(store, {at: new Date('2023-10-27T00:00:00Z')})).count).toBe(1)
    expect((await listOverdue(store, {at: new Date('2023-10-27T00:00:00Z'), withinMs: 86_400_000})).count).toBe(2)
    expect((await listOverdue(store, {at, unit: 'nobody'})).count).toBe(0)
    await setWaiting(store, String(caseId), true, clerk(new Date('2023-10-29T00:00:00Z')))
    expect((await listOverdue(store, {at})).count).toBe(0)
    await setWaiting(store, String(caseId), false, clerk(new Date('2023-10-29T01:00:00Z')))
  })

  it('recompute applies a changed policy to open cases; --dry-run writes nothing', async () => {
    await store.settings.set('sla.policy', {rules: [{name: 'quick', respond: '2h', resolve: '10 working days'}]}, clerk(t0))
    const now = new Date('2023-10-29T02:00:00Z')
    const dry = await recomputeAll(store, {actor: 'admin', now, dryRun: true})
    expect(dry.changed.map((c) => c.id)).toContain(caseId)
    expect((await store.cases.get(caseId))!.resolveDueAt).toBe('2023-10-27T09:30:00.000Z')
    const done = await recomputeAll(store, {actor: 'admin', now, dryRun: false})
    expect(done.changed.find((c) => c.id === caseId)).toMatchObject({rule: 'quick'})
    // 10 working days (Sep 28, Oct 7 and 8 make-up days, …) end on Oct 17; the 3 working days waited move it to
    // Oct 20, end of day (this policy has no working hours)
    expect((await store.cases.get(caseId))!.resolveDueAt).toBe('2023-10-20T15:59:59.000Z')
    await store.settings.remove('sla.policy', clerk(t0))
    await recomputeAll(store, {actor: 'admin', now, dryRun: false})
  })

  it('an imported calendar year overrides and extends the bundled ones', async () => {
    await store.sla.putCalendarYear({year: 2031, days: [{name: '元旦', date: '2031-01-01', isOffDay: true}]}, clerk(t0))
    const {calendar} = await loadSlaContext(store)
    expect(calendar.years.has(2031)).toBe(true)
    expect(calendar.exceptions.get('2031-01-01')).toEqual({off: true, name: '元旦'})
  })

  it('the outbox records a reminder once and two concurrent claimers never get the same row', async () => {
    const entries: OutboxEntry[] = Array.from({length: 30}, (_, i) => ({
      caseId, stage: 'resolve', dueAt: '2023-10-27T09:30:00.000Z', step: `late${i}`, channel: 'webhook:0', kind: 'remind', payload: {i},
    }))
    const now = new Date('2023-11-01T00:00:00Z')
    expect(await store.sla.enqueue(entries, now)).toBe(30)
    expect(await store.sla.enqueue(entries, now)).toBe(0)
    expect(await store.sla.countReady({now})).toBe(30)
    expect(await store.sla.countReady({now: new Date('2023-10-01T00:00:00Z')})).toBe(0)
    const claim = (s: Store, worker: string) => s.sla.claimOutbox({worker, now, leaseSeconds: 60, limit: 20})
    // Two connections at once on PostgreSQL (SKIP LOCKED); SQLite serialises writers, and one
    // process cannot hold two of its connections in a transaction, so there the claims take turns
    // (the CLI test runs two processes at once).
    const [a, b] = store.backend === 'postgres' ? await Promise.all([claim(store, 'a'), claim(other, 'b')]) : [await claim(store, 'a'), await claim(other, 'b')]
    const ids = [...a, ...b].map((r) => r.id)
    expect(ids.length).toBe(30)
    expect(new Set(ids).size).toBe(30)
    expect(await claim(store, 'c')).toEqual([])
    expect(await store.sla.countReady({now})).toBe(0)
    // Only the lease holder can mark a row; a failure comes back after its retry time.
    expect(await store.sla.markSent(a[0].id, 'b', now)).toBe(false)
    expect(await store.sla.markSent(a[0].id, 'a', now)).toBe(true)
    await store.sla.markFailed(a[1].id, 'a', 'HTTP 503', new Date('2023-11-01T00:05:00Z'))
    expect((await store.sla.failures()).map((f) => [f.id, f.lastError])).toEqual([[a[1].id, 'HTTP 503']])
    const later = await store.sla.claimOutbox({worker: 'd', now: new Date('2023-11-01T00:10:00Z'), leaseSeconds: 60, limit: 100})
    expect(later.map((r) => r.id)).toContain(a[1].id)
    expect(later.map((r) => r.id)).not.toContain(a[0].id)
  })
})
