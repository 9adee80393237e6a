import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {suggest} from '../../src/domain/suggest.js'
import {applyAssign, planAssign} from '../../src/services/cases/assign.js'
import {explainSla} from '../../src/services/sla/explain.js'
import type {Reminder} from '../../src/services/sla/notify/message.js'
import {runNotify} from '../../src/services/sla/notify/run.js'
import {listOverdue} from '../../src/services/sla/overdue.js'
import {acceptSuggestion, applyTriage} from '../../src/services/triage/apply.js'
import {loadTriageContext} from '../../src/services/triage/context.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// The two promises board exists for, as a new office sets them up (default policy, bundled
// calendar): urgent collective incidents within 2 hours, water/power/gas/heating within 24 hours;
// and a working-day deadline across National Day 2023 with its make-up workdays.

const triagedAt = new Date('2023-09-27T01:00:00Z') // Wednesday 09:00 Shanghai, before National Day
const later = (ms: number) => new Date(triagedAt.getTime() + ms)
const H = 3_600_000
function message(ref: string, title: string, body: string): IncomingCase {
  return {
    source: 'web', ref, title, body, author: `citizen${ref}`, contact: null, postedAt: '2023-09-27T00:30:00.000Z',
    region: 'A3区', addressee: null, type: null, category: '城乡建设', likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}

describe.each(backendList)('seed rules scenario on $name', (backend) => {
  let store: Store
  const id = async (ref: string) => (await store.cases.getByRef('web', ref))!.id
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now: triagedAt})
    const who = {actor: 'admin', now: triagedAt}
    await store.units.upsert({code: 'zjj', name: '区住建局', supervisor: null}, who)
    await store.settings.set('notify.channels', {units: {zjj: [{type: 'webhook', url: 'http://127.0.0.1:9/hook'}]}}, who)
    await store.cases.importBatch([
      message('wall', 'A3区围墙倒塌', 'A3区小区围墙倒塌，几十户居民出行受阻，情况紧急'),
      message('water', '小区停水', '我们小区已经停水两天，请尽快恢复供水'),
      message('lamp', '路灯不亮', '小区门口路灯坏了一个月'),
    ], who)
    // A clerk accepts board's suggestions for each message, then assigns them to the unit.
    const ctx = await loadTriageContext(store)
    for (const ref of ['wall', 'water', 'lamp']) {
      const c = (await store.cases.get(await id(ref)))!
      await applyTriage(store, c, acceptSuggestion(suggest(c, ctx), ctx.unitIds), {actor: 'clerk', now: triagedAt})
    }
    const plan = await planAssign(store, [await id('wall'), await id('water'), await id('lamp')], {to: 'zjj'})
    const r = await applyAssign(store, plan, {actor: 'clerk', now: later(10 * 60_000)})
    expect(r.failed).toEqual([])
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('the urgent collective message: 2 hours from triage, overdue 2 hours later, reminded once', async () => {
    const wall = (await store.cases.get(await id('wall')))!
    expect(wall.flags).toMatchObject({urgent: true, collective: true})
    expect(wall.resolveDueAt).toBe(later(2 * H).toISOString())
    const before = await listOverdue(store, {at: later(2 * H - 60_000)})
    expect(before.groups.flatMap((g) => g.items).filter((i) => i.caseId === wall.id && i.stage === 'resolve')).toEqual([])
    const after = await listOverdue(store, {at: later(2 * H + 60_000)})
    expect(after.groups.flatMap((g) => g.items).filter((i) => i.caseId === wall.id).map((i) => i.stage).sort()).toEqual(['resolve', 'respond'])
    const received: Reminder[] = []
    const sender = {async send(_c: unknown, r: Reminder) {
      received.push(r)
    }, close() {}}
    await runNotify(store, {now: later(2 * H + 60_000), dryRun: false, sender})
    await runNotify(store, {now: later(2 * H + 15 * 60_000), dryRun: false, sender})
    const resolveReminders = received.filter((r) => r.caseId === wall.id && r.stage === 'resolve')
    expect(resolveReminders.map((r) => r.step)).toEqual(['due'])
    const keys = received.map((r) => `${r.caseId}/${r.stage}/${r.step}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('the utility message: 24 hours', async () => {
    const water = (await store.cases.get(await id('water')))!
    expect(water.flags.utility).toBe(true)
    expect(water.resolveDueAt).toBe(later(24 * H).toISOString())
    const e = await explainSla(store, String(water.id), {now: later(H)})
    expect(e.rule.name).toBe('utilities')
    expect(e.zone.name).toBe('Asia/Shanghai')
  })

  it('15 working days across National Day: the holiday skipped, the make-up workdays counted', async () => {
    const lamp = (await store.cases.get(await id('lamp')))!
    expect(lamp.resolveDueAt).toBe('2023-10-24T09:30:00.000Z')
    const e = await explainSla(store, String(lamp.id), {now: later(H)})
    expect(e.rule.name).toBe('default')
    const skipped = e.resolve!.skipped.map((d) => `${d.date} ${d.kind}`)
    expect(skipped).toContain('2023-10-02 holiday')
    expect(skipped.some((d) => d.startsWith('2023-10-07') || d.startsWith('2023-10-08'))).toBe(false)
  })
})
