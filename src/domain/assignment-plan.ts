// 交办 planning: which handler gets which case. Pure, so `assign --dry-run` prints exactly what the
// apply step will do, and the spreading rules are tested without a store.

export type Strategy = 'round-robin' | 'least-loaded'

export interface PlanHandler {
  id: number
  code: string
  onDuty: boolean
  /** Most open cases at once; null is no limit. */
  capacity: number | null
}

export interface PlanItem {
  caseId: number
  unitId: number
  handlerId: number | null
  handler: string | null
}

export interface Plan {
  items: PlanItem[]
  /** Cases no handler could take (everyone at capacity or off duty). */
  unplaced: {caseId: number; reason: string}[]
  /** Open cases per handler id once the plan is applied. */
  loadAfter: Record<number, number>
}

/**
 * Spreads cases over the unit's on-duty handlers without exceeding capacity. least-loaded always
 * gives the next case to the handler with fewest open cases (ties: handler order), which levels
 * existing loads; round-robin cycles through the handlers regardless of load.
 */
export function planAssignment(caseIds: number[], unitId: number, handlers: PlanHandler[], load: ReadonlyMap<number, number>, strategy: Strategy): Plan {
  const pool = handlers.filter((h) => h.onDuty)
  const current = new Map(pool.map((h) => [h.id, load.get(h.id) ?? 0]))
  const room = (h: PlanHandler) => h.capacity === null || current.get(h.id)! < h.capacity
  const items: PlanItem[] = []
  const unplaced: Plan['unplaced'] = []
  let next = 0
  for (const caseId of caseIds) {
    let chosen: PlanHandler | undefined
    if (strategy === 'least-loaded') {
      for (const h of pool) if (room(h) && (!chosen || current.get(h.id)! < current.get(chosen.id)!)) chosen = h
    } else {
      for (let tries = 0; tries < pool.length && !chosen; tries++) {
        const h = pool[(next + tries) % pool.length]
        if (room(h)) {
          chosen = h
          next = (next + tries + 1) % pool.length
        }
      }
    }
    if (!chosen) {
      unplaced.push({caseId, reason: pool.length === 0 ? 'no handler of the unit is on duty' : 'every on-duty handler is at capacity'})
      continue
    }
    current.set(chosen.id, current.get(chosen.id)! + 1)
    items.push({caseId, unitId, handlerId: chosen.id, handler: chosen.code})
  }
  return {items, unplaced, loadAfter: Object.fromEntries(current)}
}

/** Every case to the unit, or to one named handler. */
export function planDirect(caseIds: number[], unitId: number, handler: {id: number; code: string} | null): Plan {
  return {items: caseIds.map((caseId) => ({caseId, unitId, handlerId: handler?.id ?? null, handler: handler?.code ?? null})), unplaced: [], loadAfter: {}}
}
