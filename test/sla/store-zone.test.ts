import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {findSpec} from '../../src/settings/index.js'
import {type DeadlineCause, updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {runDoctor} from '../../src/services/doctor.js'
import {loadSlaContext} from '../../src/services/sla/context.js'
import {recomputeAll} from '../../src/services/sla/recompute.js'
import {computeStats} from '../../src/services/stats/stats.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// One zone per store (setting store.timezone): every deadline path counts in it, whoever runs
// board and whatever their BOARD_TZ. A store without the setting keeps Asia/Shanghai.

const now = new Date('2024-03-04T10:00:00Z') // Monday
function incoming(ref: string): IncomingCase {
  return {
    source: 'test', ref, title: `路灯不亮 ${ref}`, body: '', author: null, contact: null, postedAt: '2024-03-04T09:00:00.000Z',
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}

it('store.timezone is a validated setting', () => {
  const spec = findSpec('store.timezone')!
  expect(spec.validate('Europe/Berlin')).toEqual([])
  expect(spec.validate('Mars/Olympus')[0]).toMatch(/not an IANA zone/)
  expect(spec.defaultValue?.()).toBe('Asia/Shanghai')
})

// Type-level: `npm run typecheck` fails when an @ts-expect-error below stops being an error.
it('the deadline call requires the store zone: none, or a display zone, does not compile', () => {
  // @ts-expect-error no zone: every service that moves a deadline must say which zone it counts in
  const none: DeadlineCause = {action: 'assign', actor: 'admin', now}
  // @ts-expect-error a clerk's display zone (BOARD_TZ) is a plain string, not the store's zone
  const display: DeadlineCause = {action: 'assign', actor: 'admin', now, zone: 'Europe/Paris'}
  expect([none, display].map((c) => c.action)).toEqual(['assign', 'assign'])
})

describe.each(backendList)('store zone on $name', (backend) => {
  let store: Store
  const who = {actor: 'admin', now}
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now})
    await store.units.upsert({code: 'u1', name: '市政局'}, who)
    await store.cases.importBatch([incoming('1'), incoming('2')], who)
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('without the setting: Asia/Shanghai, and doctor says it is the default kept from before', async () => {
    expect((await loadSlaContext(store)).calendar.tz).toBe('Asia/Shanghai')
    const check = (await runDoctor(store, now, {displayZone: 'Europe/Paris'})).find((c) => c.name === 'store zone')!
    expect(check.ok).toBe(true)
    expect(check.detail).toContain('Asia/Shanghai (default')
    expect(check.detail).toContain('shown in Europe/Paris')
  })

  it('assign counts the working day in the store zone, and recompute agrees', async () => {
    await store.settings.set('store.timezone', 'Europe/Berlin', who)
    const unit = (await store.units.find('u1'))!
    const id = (await store.cases.getByRef('test', '1'))!.id
    const c = await store.cases.change(id, {status: 'assigned', unitId: unit.id}, {...who, action: 'assign'})
    await updateDeadlines(store, c, {action: 'assign', actor: 'admin', now, zone: (await storeZone(store)).zone})
    // 1 working day: the end of Tuesday's working hours (17:30) in Berlin, not in Shanghai.
    expect((await store.cases.get(id))!.respondDueAt).toBe('2024-03-05T16:30:00.000Z')
    const r = await recomputeAll(store, {actor: 'admin', now, dryRun: true})
    expect(r.changed.map((x) => x.id)).not.toContain(id)
  })

  it('statistics bucket in the store zone unless told otherwise', async () => {
    const s = await computeStats(store, {by: ['year'], filter: {}, now})
    expect(s.tz).toBe('Europe/Berlin')
  })
})
