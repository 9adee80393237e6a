import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {reopenCase} from '../../src/services/cases/lifecycle.js'
import {explainSla} from '../../src/services/sla/explain.js'
import {listOverdue} from '../../src/services/sla/overdue.js'
import {recomputeAll} from '../../src/services/sla/recompute.js'
import {setWaiting} from '../../src/services/sla/wait.js'
import {applyTriage} from '../../src/services/triage/apply.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// One clock rule for every path: the clock starts at the first triage, assignment or transfer; a
// case nobody triaged has none; a case imported already answered counts from posting.

const posted = '2024-03-01T01:00:00.000Z' // Friday 09:00 Shanghai
const triagedAt = new Date('2024-03-04T02:00:00Z') // Monday 10:00
const later = new Date('2024-06-01T00:00:00Z')
function incoming(ref: string, over: Partial<IncomingCase> = {}): IncomingCase {
  return {
    source: 'test', ref, title: `路面坑洼 ${ref}`, body: '', author: null, contact: null, postedAt: posted,
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
  }
}
const who = (now: Date) => ({actor: 'clerk', now})

describe.each(backendList)('the clock rule on $name', (backend) => {
  let store: Store
  const id = async (ref: string) => (await store.cases.getByRef('test', ref))!.id
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now: triagedAt})
    await store.cases.importBatch([
      incoming('new1'), incoming('new2'), incoming('triaged'), incoming('legacy'), incoming('waits'),
      incoming('answered', {reply: {body: '已处理', sentAt: '2024-03-02T01:00:00.000Z'}}),
    ], who(triagedAt))
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('triage starts the clock at triage time', async () => {
    const c = (await store.cases.get(await id('triaged')))!
    await applyTriage(store, c, {category: '城乡建设'}, who(triagedAt))
    const after = (await store.cases.get(c.id))!
    // default rule: 1 working day from Monday 10:00 is Tuesday 17:30 Shanghai
    expect(after.respondDueAt).toBe('2024-03-05T09:30:00.000Z')
  })

  it('recompute gives no deadline to untriaged new cases and takes away one set before', async () => {
    const bad = await id('new2')
    await store.cases.change(bad, {respondDueAt: '2024-03-04T09:30:00.000Z', resolveDueAt: '2024-03-22T09:30:00.000Z'}, {...who(triagedAt), action: 'sla.deadline'})
    const dry = await recomputeAll(store, {actor: 'admin', now: later, dryRun: true})
    expect(dry.changed.map((x) => x.id)).toEqual([bad])
    expect(dry.changed[0].respondDueAt.after).toBeNull()
    await recomputeAll(store, {actor: 'admin', now: later, dryRun: false})
    for (const ref of ['new1', 'new2']) {
      const c = (await store.cases.get(await id(ref)))!
      expect([c.respondDueAt, c.resolveDueAt]).toEqual([null, null])
    }
    const overdue = await listOverdue(store, {at: later})
    expect(overdue.groups.flatMap((g) => g.items).map((i) => i.caseId)).toEqual([await id('triaged'), await id('triaged')])
  })

  it('a case triaged before clocks were recorded counts from its triage event, not from posting', async () => {
    const legacy = await id('legacy')
    await store.cases.change(legacy, {status: 'triaged'}, {...who(triagedAt), action: 'triage'})
    await recomputeAll(store, {actor: 'admin', now: later, dryRun: false})
    expect((await store.cases.get(legacy))!.respondDueAt).toBe('2024-03-05T09:30:00.000Z')
  })

  it('a wait on an untriaged case starts no clock; explain says the clock has not started', async () => {
    const w = await setWaiting(store, String(await id('waits')), true, who(triagedAt))
    expect([w.respondDueAt, w.resolveDueAt]).toEqual([null, null])
    const e = await explainSla(store, String(await id('new1')), {now: later})
    expect(e.clockStarted).toBe(false)
    expect(e.respond).toBeNull()
  })

  it('a case imported answered counts from posting, and a reopen starts a new cycle', async () => {
    const answered = await id('answered')
    const reopenedAt = new Date('2024-03-11T02:00:00Z') // Monday 10:00
    await reopenCase(store, String(answered), {...who(reopenedAt), reason: 'citizen not satisfied'})
    const e = await explainSla(store, String(answered), {now: reopenedAt})
    expect(e.history?.start).toBe(posted)
    expect(e.respond?.clockFrom).toBe(reopenedAt.toISOString())
    expect((await store.cases.get(answered))!.respondDueAt).toBe('2024-03-12T09:30:00.000Z')
  })
})
