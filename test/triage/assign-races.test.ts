import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {applyAssign, planAssign} from '../../src/services/cases/assign.js'
import {closeCase} from '../../src/services/cases/lifecycle.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

const now = new Date('2024-05-01T00:00:00Z')
const o = {actor: 'admin', now}
const message = (ref: string): IncomingCase => ({
  source: 's', ref, title: `留言 ${ref}`, body: '路灯不亮', author: null, contact: null, postedAt: '2024-04-01T00:00:00.000Z',
  region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
})

// Races made deterministic: plan, then change the case as another clerk would, then apply.
describe.each(backendList)('assign over a case changed since it was planned, on $name', (backend) => {
  let store: Store
  let other: Store
  let ids: number[]

  beforeAll(async () => {
    const location = await backend.location()
    store = await openStore(location, {now})
    other = await openStore(location, {now})
    await store.units.upsert({code: 'a', name: 'A市'}, o)
    await store.units.upsert({code: 'b', name: 'B市'}, o)
    ids = (await store.cases.importBatch(['1', '2', '3', '4'].map(message), o)).map((x) => x.id)
  })
  afterAll(async () => {
    await store?.close()
    await other?.close()
    await backend.cleanup()
  })

  it('two assigns planned at once: the first wins, the second reports a conflict for that case', async () => {
    const toA = await planAssign(store, [ids[0]], {to: 'a'})
    const toB = await planAssign(other, [ids[0]], {to: 'b'})
    const first = await applyAssign(store, toA, o)
    const second = await applyAssign(other, toB, o)
    expect(first).toEqual({succeeded: [{id: ids[0], unit: 'a', handler: null}], failed: [], notDone: []})
    expect(second.succeeded).toEqual([])
    expect(second.failed).toEqual([{id: ids[0], reason: expect.stringMatching(/changed by someone else/)}])
    expect((await store.cases.get(ids[0]))!.unit).toBe('A市')
  })

  it('a bulk assign planned before cases were closed leaves them closed and says so per case', async () => {
    const plan = await planAssign(store, ids.slice(1), {to: 'a'})
    const closed = await closeCase(other, String(ids[2]), o)
    const r = await applyAssign(store, plan, o)
    expect(r.succeeded.map((x) => x.id)).toEqual([ids[1], ids[3]])
    expect(r.failed).toEqual([{id: ids[2], reason: expect.stringMatching(/changed by someone else/)}])
    const after = (await store.cases.get(ids[2]))!
    expect([after.status, after.resolvedAt, after.unitId]).toEqual(['closed', closed.resolvedAt, null])
  })
})
