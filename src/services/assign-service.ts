import {type Plan, planAssignment, planDirect, type Strategy} from '../domain/assignment-plan.js'
import {UsageError} from '../errors.js'
import type {Store} from '../store/store.js'
import {afterCaseChange} from './case-hooks.js'

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
}

const FINAL = new Set(['closed', 'rejected', 'merged'])

/** Looks up the target once and plans every case; nothing is written. */
export async function planAssign(store: Store, ids: number[], target: AssignTarget): Promise<AssignPlan> {
  const [unitName, handlerName] = target.to.split('/')
  const unit = await store.units.find(unitName)
  if (!unit) throw new UsageError(`no unit ${unitName}`, 'see board unit list')
  const found = new Map((await store.cases.list({ids})).map((c) => [c.id, c]))
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

/** Applies a plan case by case: one failure does not stop the rest. */
export async function applyAssign(store: Store, plan: AssignPlan, opts: {actor: string; now: Date; signal?: AbortSignal}): Promise<BulkResult<Assigned>> {
  const result: BulkResult<Assigned> = {succeeded: [], failed: [...plan.rejected, ...plan.unplaced.map((u) => ({id: u.caseId, reason: u.reason}))]}
  for (const item of plan.items) {
    if (opts.signal?.aborted) {
      result.failed.push({id: item.caseId, reason: 'interrupted before this case'})
      continue
    }
    try {
      const c = await store.cases.change(item.caseId, {unitId: item.unitId, handlerId: item.handlerId, status: 'assigned'}, {
        actor: opts.actor, now: opts.now, action: 'assign', expectedVersion: plan.versions[item.caseId],
      })
      await afterCaseChange(store, c, {action: 'assign', actor: opts.actor, now: opts.now})
      result.succeeded.push({id: c.id, unit: plan.units[item.unitId], handler: item.handler})
    } catch (error) {
      result.failed.push({id: item.caseId, reason: (error as Error).message})
    }
  }
  return result
}

