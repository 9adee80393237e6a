import {stopHere} from '../boundary.js'
import type {Store} from '../../store/store.js'
import {RUNNING_STATUSES} from '../../domain/sla/overdue.js'
import {loadSlaContext} from './context.js'
import {type DeadlineChange, updateDeadlines} from './deadlines.js'

export interface RecomputeResult {
  dryRun: boolean
  checked: number
  changed: DeadlineChange[]
  failed: {id: number; reason: string}[]
  warnings: string[]
  /** Interrupted: the open cases not reached (their deadlines are as they were). */
  notDone: number
}

const BATCH = 500

/** After a policy or calendar change: every open (or waiting) case's deadlines, again. */
export async function recomputeAll(store: Store, opts: {actor: string; now: Date; dryRun: boolean; signal?: AbortSignal}): Promise<RecomputeResult> {
  const sla = await loadSlaContext(store)
  const zone = sla.zone
  const result: RecomputeResult = {dryRun: opts.dryRun, checked: 0, changed: [], failed: [], warnings: [], notDone: 0}
  const warnings = new Set<string>()
  // Each case is its own transaction and takes a while (its clock history is read), so Ctrl-C is
  // honoured between cases, not only between pages.
  pages: for (let offset = 0; ; offset += BATCH) {
    const cases = await store.cases.list({status: [...RUNNING_STATUSES, 'waiting'], limit: BATCH, offset})
    for (const c of cases) {
      if (await stopHere(opts.signal)) {
        result.notDone = Math.max(0, (await store.cases.count({status: [...RUNNING_STATUSES, 'waiting']})) - result.checked)
        break pages
      }
      result.checked++
      try {
        const {change} = await updateDeadlines(store, c, {action: 'recompute', actor: opts.actor, now: opts.now, zone, sla, dryRun: opts.dryRun})
        if (change.changed) result.changed.push(change)
        for (const w of change.warnings) warnings.add(w)
      } catch (error) {
        result.failed.push({id: c.id, reason: (error as Error).message})
      }
    }
    if (cases.length < BATCH) break
  }
  result.warnings = [...warnings]
  return result
}
