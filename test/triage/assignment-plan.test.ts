import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {planAssignment, type PlanHandler} from '../../src/domain/assignment-plan.js'

const handlers = (n: number, capacity: number | null = null): PlanHandler[] =>
  Array.from({length: n}, (_, i) => ({id: i + 1, code: `h${i + 1}`, onDuty: true, capacity}))
const ids = (n: number) => Array.from({length: n}, (_, i) => i + 1)

function counts(plan: ReturnType<typeof planAssignment>): Map<number, number> {
  const m = new Map<number, number>()
  for (const it of plan.items) m.set(it.handlerId!, (m.get(it.handlerId!) ?? 0) + 1)
  return m
}

describe('planAssignment', () => {
  it('least-loaded over 10,000 cases and 20 handlers: none over capacity, spread within one of even', () => {
    const hs = handlers(20, 600)
    const plan = planAssignment(ids(10_000), 7, hs, new Map(), 'least-loaded')
    expect(plan.items).toHaveLength(10_000)
    const c = [...counts(plan).values()]
    expect(c).toHaveLength(20)
    expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1)
    expect(Math.max(...c)).toBeLessThanOrEqual(600)
  })

  it('least-loaded levels existing loads and stops at capacity, reporting the rest', () => {
    const hs = handlers(3, 10)
    const plan = planAssignment(ids(20), 1, hs, new Map([[1, 8], [2, 0], [3, 4]]), 'least-loaded')
    expect(plan.loadAfter).toEqual({1: 10, 2: 10, 3: 10})
    expect(plan.items).toHaveLength(18)
    expect(plan.unplaced).toEqual([{caseId: 19, reason: 'every on-duty handler is at capacity'}, {caseId: 20, reason: 'every on-duty handler is at capacity'}])
  })

  it('round-robin cycles in handler order and skips off-duty and full handlers', () => {
    const hs: PlanHandler[] = [
      {id: 1, code: 'a', onDuty: true, capacity: 1},
      {id: 2, code: 'b', onDuty: false, capacity: null},
      {id: 3, code: 'c', onDuty: true, capacity: null},
    ]
    const plan = planAssignment(ids(4), 1, hs, new Map(), 'round-robin')
    expect(plan.items.map((i) => i.handler)).toEqual(['a', 'c', 'c', 'c'])
  })

  it('no one on duty → every case unplaced with the reason', () => {
    const plan = planAssignment([5], 1, [{id: 1, code: 'a', onDuty: false, capacity: null}], new Map(), 'least-loaded')
    expect(plan.unplaced).toEqual([{caseId: 5, reason: 'no handler of the unit is on duty'}])
  })

  it('property: never over capacity, every case placed or reported once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({cap: fc.option(fc.integer({min: 0, max: 20}), {nil: null}), load: fc.integer({min: 0, max: 25}), onDuty: fc.boolean()}), {minLength: 1, maxLength: 8}),
        fc.integer({min: 0, max: 100}),
        fc.constantFrom('round-robin' as const, 'least-loaded' as const),
        (spec, n, strategy) => {
          const hs = spec.map((s, i) => ({id: i + 1, code: `h${i}`, onDuty: s.onDuty, capacity: s.cap}))
          const load = new Map(spec.map((s, i) => [i + 1, s.load]))
          const plan = planAssignment(ids(n), 1, hs, load, strategy)
          expect(plan.items.length + plan.unplaced.length).toBe(n)
          const added = counts(plan)
          for (const h of hs) {
            const a = added.get(h.id) ?? 0
            if (!h.onDuty) expect(a).toBe(0)
            if (h.capacity !== null && a > 0) expect(load.get(h.id)! + a).toBeLessThanOrEqual(h.capacity)
          }
        },
      ),
    )
  })
})
