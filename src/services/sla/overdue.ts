import {yearCovered} from '../../domain/sla/calendar.js'
import {groupOverdue, type OverdueGroup} from '../../domain/sla/overdue.js'
import {localYear} from '../../domain/sla/zone.js'
import type {Store} from '../../store/store.js'
import {loadSlaContext} from './context.js'

export interface OverdueResult {
  at: string
  within: number
  count: number
  groups: OverdueGroup[]
  /** Calendar coverage: deadlines in years without a State Council schedule. */
  warnings: string[]
}

/** Breached deadlines as of `at`, plus those due within `withinMs` after it. */
export async function listOverdue(store: Store, opts: {at: Date; withinMs?: number; unit?: string}): Promise<OverdueResult> {
  const withinMs = opts.withinMs ?? 0
  const rows = await store.sla.deadlinesBefore(new Date(opts.at.getTime() + withinMs).toISOString(), {unit: opts.unit})
  const groups = groupOverdue(rows, opts.at)
  const warnings: string[] = []
  if (rows.length > 0) {
    const {calendar} = await loadSlaContext(store)
    const years = new Set(rows.map((r) => localYear(Date.parse(r.dueAt), calendar.tz)))
    const uncovered = [...years].filter((y) => !yearCovered(calendar, y)).sort((a, b) => a - b)
    if (uncovered.length > 0) {
      warnings.push(`deadlines in ${uncovered.join(', ')} were counted Monday–Friday (no State Council schedule loaded): board calendar import, then board sla recompute`)
    }
  }
  return {at: opts.at.toISOString(), within: withinMs, count: rows.length, groups, warnings}
}
