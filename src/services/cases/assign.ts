import {type Plan, planAssignment, planDirect, type Strategy} from '../../domain/assignment-plan.js'
import type {Case} from '../../domain/case.js'
import {UsageError} from '../../errors.js'
import type {Store} from '../../store/store.js'
import {stopHere} from '../boundary.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'

export interface BulkResult<T> {
  succeeded: T[]
  failed: {id: number; reason: string}[]
}

export interface AssignTarget {
  /** UNIT or UNIT/HANDLER (codes or names). */
  to: string
  strategy?: Strategy
}

export interface AssignPlan extends Plan {
  /** Ids that cannot be assigned at all (not found, closed…), found while planning. */
  rejected: {id: number; reason: string}[]
  units: Record<number, string>
  /**
   * Each planned case's version when it was planned: applying writes only over that version, so
   * a case changed meanwhile (closed, assigned by someone else) is a conflict, never overwritten.
   */
  versions: Record<number, number>
  /** A handler named explicitly who is off duty or at capacity: assigning needs a yes or --force. */
  handlerProblem?: {handler: string; offDuty: boolean; load: number; capacity: number | null}
}

const FINAL = new Set(['closed', 'rejected', 'merged'])

/** Looks up the target once and plans every case; nothing is written. */
export async function planAssign(store: Store, ids: number[], target: AssignTarget): Promise<AssignPlan> {
  const [unitName, handlerName] = target.to.split('/')
  const unit = await store.units.find(unitName)
  if (!unit) throw new UsageError(`no unit ${unitName}`, 'see board unit list')
  // In slices: a pipeline may hand over 100,000 ids, more than one statement can bind.
  const found = new Map<number, Case>()
  for (let i = 0; i < ids.length; i += 10_000) for (const c of await store.cases.list({ids: ids.slice(i, i + 10_000)})) found.set(c.id, c)
  const rejected: AssignPlan['rejected'] = []
  const ok: number[] = []
  const versions: AssignPlan['versions'] = {}
  for (const id of ids) {
    const c = found.get(id)
    if (!c) rejected.push({id, reason: 'no such case'})
    else if (FINAL.has(c.status)) rejected.push({id, reason: `case is ${c.status}`})
    else ok.push(id), (versions[id] = c.version)
  }
  let plan: Plan
  if (handlerName) {
    if (target.strategy) throw new UsageError('--strategy spreads over a unit; name the unit only (--to UNIT)')
    const h = await store.handlers.find(handlerName, unit.id)
    if (!h) throw new UsageError(`no handler ${handlerName} in unit ${unit.code}`, `see board handler list --unit ${unit.code}`)
    plan = planDirect(ok, unit.id, h)
    const load = (await store.handlers.openLoad(unit.id)).get(h.id) ?? 0
    const full = h.capacity !== null && load + ok.length > h.capacity
    if (ok.length > 0 && (!h.onDuty || full)) {
      return {...plan, rejected, units: {[unit.id]: unit.code}, versions, handlerProblem: {handler: h.code, offDuty: !h.onDuty, load, capacity: h.capacity}}
    }
  } else if (target.strategy) {
    plan = planAssignment(ok, unit.id, await store.handlers.list({unitId: unit.id}), await store.handlers.openLoad(unit.id), target.strategy)
  } else plan = planDirect(ok, unit.id, null)
  return {...plan, rejected, units: {[unit.id]: unit.code}, versions}
}

/** Plans for a mapping CSV (id, unit[, handler]): one target per row. */
export async function planFromRows(store: Store, rows: {id: number; to: string}[]): Promise<AssignPlan> {
  const merged: AssignPlan = {items: [], unplaced: [], loadAfter: {}, rejected: [], units: {}, versions: {}}
  for (const r of rows) {
    try {
      const p = await planAssign(store, [r.id], {to: r.to})
      merged.items.push(...p.items)
      merged.rejected.push(...p.rejected)
      Object.assign(merged.units, p.units)
      Object.assign(merged.versions, p.versions)
    } catch (error) {
      merged.rejected.push({id: r.id, reason: (error as Error).message})
    }
  }
  return merged
}

export interface Assigned {
  id: number
  unit: string
  handler: string | null
}

/**
 * Applies a plan case by case: one failure does not stop the rest. Interrupted (signal), it stops
 * between two cases; the ones not reached are listed in notDone.
 */
export async function applyAssign(store: Store, plan: AssignPlan, opts: {actor: string; now: Date; signal?: AbortSignal}): Promise<BulkResult<Assigned> & {notDone: number[]}> {
  const result: BulkResult<Assigned> & {notDone: number[]} = {succeeded: [], failed: [...plan.rejected, ...plan.unplaced.map((u) => ({id: u.caseId, reason: u.reason}))], notDone: []}
  const {zone} = await storeZone(store)
  for (const [i, item] of plan.items.entries()) {
    if (await stopHere(opts.signal)) {
      result.notDone = plan.items.slice(i).map((x) => x.caseId)
      break
    }
    try {
      const c = await store.cases.change(item.caseId, {unitId: item.unitId, handlerId: item.handlerId, status: 'assigned'}, {
        actor: opts.actor, now: opts.now, action: 'assign', expectedVersion: plan.versions[item.caseId],
      })
      await updateDeadlines(store, c, {action: 'assign', actor: opts.actor, now: opts.now, zone})
      result.succeeded.push({id: c.id, unit: plan.units[item.unitId], handler: item.handler})
    } catch (error) {
      result.failed.push({id: item.caseId, reason: (error as Error).message})
    }
  }
  return result
}

