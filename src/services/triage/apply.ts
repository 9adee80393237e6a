import type {Case, CaseType} from '../../domain/case.js'
import type {Suggestion} from '../../domain/suggest.js'
import type {UrgencyFlag} from '../../domain/triage-keywords.js'
import type {CasePatch} from '../../store/cases.js'
import type {Store} from '../../store/store.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'

/** What a clerk (or --auto) decided for one case; unset fields keep the case's value. */
export interface TriageDecision {
  category?: string | null
  type?: CaseType | null
  flags?: Partial<Record<UrgencyFlag, boolean>>
  unitId?: number | null
  handlerId?: number | null
}

/** The decision that accepts every suggestion (flags only ever raised, never cleared). */
export function acceptSuggestion(s: Suggestion, unitIds: Map<string, number>): TriageDecision {
  const flags: Partial<Record<UrgencyFlag, boolean>> = {}
  for (const [k, v] of Object.entries(s.flags) as [UrgencyFlag, {value: boolean}][]) if (v.value) flags[k] = true
  return {category: s.category?.value, type: s.type.value, flags, unitId: s.unit ? (unitIds.get(s.unit.value) ?? undefined) : undefined}
}

/**
 * Saves a triage decision as one audited change (action "triage", optimistic on the version the
 * caller read), then recomputes its deadlines. Status: assigned when a unit is set, else triaged.
 */
export async function applyTriage(store: Store, c: Case, d: TriageDecision, opts: {actor: string; now: Date; note?: Record<string, unknown>; startAt?: string | null}): Promise<Case> {
  const unitId = d.unitId !== undefined ? d.unitId : c.unitId
  const patch: CasePatch = {
    category: d.category,
    type: d.type,
    ...d.flags,
    unitId: d.unitId,
    handlerId: d.handlerId,
    status: unitId ? 'assigned' : 'triaged',
  }
  const changed = await store.cases.change(c.id, patch, {actor: opts.actor, now: opts.now, action: 'triage', expectedVersion: c.version, note: opts.note})
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action: 'triage', actor: opts.actor, now: opts.now, zone, startAt: opts.startAt ?? undefined})
  return changed
}
