import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// The store's one query behind `overdue` and `--notify`: which running cases have a respond or
// resolve deadline in a range, one row per late stage, on both backends alike.

const now = new Date('2024-05-06T00:00:00Z')
const who = {actor: 'admin', now}
const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString()
function incoming(ref: string): IncomingCase {
  return {
    source: 't', ref, title: `留言 ${ref}`, body: '', author: null, contact: null, postedAt: now.toISOString(),
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}

describe.each(backendList)('deadlinesBefore on $name', (backend) => {
  let store: Store
  const id: Record<string, number> = {}
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now})
    await store.units.upsert({code: 'u1', name: '一局'}, who)
    await store.units.upsert({code: 'u2', name: '二局'}, who)
    const cases: [string, string, number | null, number | null, string | null, string][] = [
      // ref, status, respond due (hours from now), resolve due, replied at, unit
      ['both', 'assigned', 1, 5, null, 'u1'],
      ['respond-only', 'new', 2, 50, null, 'u2'],
      ['resolve-only', 'triaged', 1, 3, h(0.5), 'u1'],
      ['closed', 'closed', 1, 2, null, 'u1'],
      ['waiting', 'waiting', 1, 2, null, 'u1'],
      ['later', 'assigned', 20, 30, null, 'u1'],
      ['no-deadline', 'new', null, null, null, 'u1'],
    ]
    await store.cases.importBatch(cases.map((c) => incoming(c[0])), who)
    for (const [ref, status, respond, resolve, replied, unit] of cases) {
      const c = (await store.cases.getByRef('t', ref))!
      const u = (await store.units.find(unit))!
      await store.cases.change(c.id, {
        status, unitId: u.id, respondDueAt: respond === null ? null : h(respond), resolveDueAt: resolve === null ? null : h(resolve), respondedAt: replied,
      }, {...who, action: 'assign'})
      id[ref] = c.id
    }
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  const seen = (rows: {caseId: number; stage: string; dueAt: string}[]) =>
    rows.map((r) => `${Object.keys(id).find((k) => id[k] === r.caseId)} ${r.stage} ${r.dueAt}`).sort()

  it('lists each late stage of each running case once, and no answered respond stage', async () => {
    const rows = await store.sla.deadlinesBefore(h(10))
    expect(seen(rows)).toEqual([
      `both resolve ${h(5)}`,
      `both respond ${h(1)}`,
      `resolve-only resolve ${h(3)}`,
      `respond-only respond ${h(2)}`,
    ])
    expect(rows.find((r) => r.caseId === id.both)).toMatchObject({title: '留言 both', unit: '一局', unitCode: 'u1', handler: null})
  })

  it('takes the range end as exclusive and honours a range start', async () => {
    expect(seen(await store.sla.deadlinesBefore(h(5)))).not.toContain(`both resolve ${h(5)}`)
    expect(seen(await store.sla.deadlinesBefore(h(10), {after: h(2)}))).toEqual([
      `both resolve ${h(5)}`,
      `resolve-only resolve ${h(3)}`,
      `respond-only respond ${h(2)}`,
    ])
  })

  it('filters by unit code or name', async () => {
    expect(seen(await store.sla.deadlinesBefore(h(100), {unit: '二局'}))).toEqual([`respond-only resolve ${h(50)}`, `respond-only respond ${h(2)}`])
    expect(seen(await store.sla.deadlinesBefore(h(100), {unit: 'u2'}))).toHaveLength(2)
  })
})
