import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {ConflictError} from '../../src/errors.js'
import type {Store} from '../../src/store/store.js'
import {backendList, freshStore} from '../helpers/backends.js'

const now = new Date('2024-03-01T02:00:00Z')
const actor = {actor: 'clerk', now}

function incoming(ref: string, over: Partial<IncomingCase> = {}): IncomingCase {
  return {
    source: 'test', ref, title: `标题 ${ref}`, body: '小区停水三天了', author: 'U1', contact: null,
    postedAt: '2024-02-28T01:00:00.000Z', region: null, addressee: null, type: null, category: null,
    likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
  }
}

// One suite, every backend: what one store does, the other must do the same way.
describe.each(backendList)('Store contract on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await freshStore(backend)
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('migrates idempotently and reports its version', async () => {
    const again = await store.migrate(now)
    expect(again.pending).toEqual([])
    expect(again.current).toBe(again.latest)
  })

  it('returns the same shapes and types: numbers, booleans, ISO UTC text', async () => {
    await store.cases.importBatch([incoming('1', {likes: 3})], actor)
    const c = (await store.cases.getByRef('test', '1'))!
    expect(typeof c.id).toBe('number')
    expect(c.likes).toBe(3)
    expect(c.flags.urgent).toBe(false)
    expect(c.postedAt).toBe('2024-02-28T01:00:00.000Z')
    expect(c.createdAt).toBe(now.toISOString())
    expect(await store.cases.count({source: 'test'})).toBe(1)
    expect(typeof (await store.cases.count({}))).toBe('number')
    expect(await store.cases.hasSource('test')).toBe(true)
    expect(await store.cases.hasSource('tes')).toBe(false)
  })

  it('change() records before/after with the actor, bumps version, and refuses a stale version', async () => {
    const c = (await store.cases.getByRef('test', '1'))!
    const changed = await store.cases.change(c.id, {category: '城乡建设', utility: true}, {...actor, action: 'triage', expectedVersion: c.version})
    expect(changed.category).toBe('城乡建设')
    expect(changed.flags.utility).toBe(true)
    expect(changed.version).toBe(c.version + 1)
    await expect(store.cases.change(c.id, {category: '交通运输'}, {...actor, action: 'triage', expectedVersion: c.version})).rejects.toBeInstanceOf(ConflictError)
    const events = await store.events.forCase(c.id)
    expect(events.at(-1)).toMatchObject({actor: 'clerk', action: 'triage', before: {category: null, utility: false}, after: {category: '城乡建设', utility: true}})
  })

  it('keeps a unit hierarchy and handlers with their open load', async () => {
    await store.units.upsert({code: 'city', name: 'A市'}, actor)
    await store.units.upsert({code: 'city.water', name: 'A市水务局', parentCode: 'city'}, actor)
    const h = await store.handlers.upsert({code: 'w1', name: '张三', unitCode: 'city.water', capacity: 5}, actor)
    expect(h.onDuty).toBe(true)
    const city = (await store.units.find('city'))!
    expect((await store.units.subtree(city.id)).map((u) => u.code)).toEqual(['city', 'city.water'])
    const c = (await store.cases.getByRef('test', '1'))!
    await store.cases.change(c.id, {unitId: h.unitId, handlerId: h.id, status: 'assigned'}, {...actor, action: 'assign'})
    expect((await store.handlers.openLoad(h.unitId)).get(h.id)).toBe(1)
    expect((await store.cases.list({unit: 'A市水务局'})).map((x) => x.handler)).toEqual(['张三'])
  })

  it('settings: set once, unchanged the second time, each change an event', async () => {
    expect(await store.settings.set('k', {a: [1, 2]}, actor)).toBe(true)
    expect(await store.settings.set('k', {a: [1, 2]}, actor)).toBe(false)
    expect(await store.settings.get('k')).toEqual({a: [1, 2]})
    const ev = await store.events.recent({limit: 5, action: 'settings.set'})
    expect(ev).toHaveLength(1)
  })

  it('a failing transaction leaves nothing behind', async () => {
    await expect(
      store.transaction(async (s) => {
        await s.cases.importBatch([incoming('rollback')], actor)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await store.cases.getByRef('test', 'rollback')).toBeUndefined()
  })

  it('concurrent transactions on one store do not share fate: one rolls back, the other commits', async () => {
    const failing = store.transaction(async (s) => {
      await s.cases.importBatch([incoming('tx-a')], actor)
      await new Promise((r) => setTimeout(r, 20))
      throw new Error('a fails')
    })
    const passing = store.transaction(async (s) => {
      await s.cases.importBatch([incoming('tx-b')], actor)
    })
    await expect(failing).rejects.toThrow('a fails')
    await passing
    expect(await store.cases.getByRef('test', 'tx-a')).toBeUndefined()
    expect(await store.cases.getByRef('test', 'tx-b')).toBeDefined()
  })

  it('a transaction handle used from another async flow joins its transaction (group commit)', async () => {
    let handle!: Store
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    const group = store.transaction(async (s) => {
      handle = s
      await gate
    })
    // Until the transaction has begun: on a loaded machine that takes more than a few ms.
    while (!handle) await new Promise((r) => setTimeout(r, 5))
    await handle.cases.importBatch([incoming('group-1')], actor)
    open()
    await group
    expect(await store.cases.getByRef('test', 'group-1')).toBeDefined()
  })

  it('a transaction\'s view answers as the store it is bound to: the cases waiting for the search index', async () => {
    await store.cases.importBatch([incoming('wait-1')], actor)
    const outside = await store.searchWaiting()
    expect(outside).toBeGreaterThan(0)
    const inside = await store.transaction(async (s) => {
      const before = await s.searchWaiting()
      await s.cases.importBatch([incoming('wait-2')], actor)
      return [before, await s.searchWaiting()]
    })
    expect(inside).toEqual([outside, outside + 1])
    expect(await store.searchWaiting()).toBe(outside + 1)
  })

  it('search treats % and _ literally and binds parameters', async () => {
    await store.cases.importBatch([incoming('x1', {title: "100%_'; DROP TABLE cases;--"})], actor)
    expect((await store.cases.list({search: '100%_'})).map((c) => c.ref)).toEqual(['x1'])
    expect(await store.cases.list({search: 'zz%'})).toEqual([])
  })
})

describe.each(backendList)('claims on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await freshStore(backend)
    await store.cases.importBatch(Array.from({length: 20}, (_, i) => incoming(String(i), {postedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString()})), actor)
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('two workers never get the same case; a worker gets its own lease back first; expired leases are free', async () => {
    const a = await store.cases.claim({status: ['new']}, {worker: 'a', now, leaseSeconds: 60, limit: 5})
    const b = await store.cases.claim({status: ['new']}, {worker: 'b', now, leaseSeconds: 60, limit: 5})
    expect(a.map((c) => c.ref)).toEqual(['0', '1', '2', '3', '4'])
    expect(b.map((c) => c.ref)).toEqual(['5', '6', '7', '8', '9'])
    const again = await store.cases.claim({status: ['new']}, {worker: 'a', now, leaseSeconds: 60, limit: 1})
    expect(again[0].ref).toBe('0')
    const later = new Date(now.getTime() + 61_000)
    const c = await store.cases.claim({status: ['new']}, {worker: 'c', now: later, leaseSeconds: 60, limit: 3})
    expect(c.map((x) => x.ref)).toEqual(['0', '1', '2'])
    await store.cases.release(c[0].id, 'b')
    const d = await store.cases.claim({status: ['new']}, {worker: 'd', now: later, leaseSeconds: 60, limit: 1})
    expect(d[0].ref).not.toBe('0')
  })
})
