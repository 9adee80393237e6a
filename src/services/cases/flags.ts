import type {Case, CaseFlags} from '../../domain/case.js'
import type {Store} from '../../store/store.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'

export type FlagChange = Partial<CaseFlags>

export interface Flagged {
  id: number
  flags: CaseFlags
  /** False when the case already had these flags (nothing written). */
  changed: boolean
  respondDueAt: string | null
  resolveDueAt: string | null
}

export interface FlagResult {
  dryRun: boolean
  succeeded: Flagged[]
  failed: {id: number; reason: string}[]
}

const FINAL = new Set(['rejected', 'merged'])

/**
 * Sets or clears urgency flags (群体性, 紧急, …) on cases, each an audited change ("flag") with its
 * deadlines recomputed, since a flag can change which SLA rule applies. One failure does not stop
 * the rest. With dryRun nothing is written.
 */
export async function setCaseFlags(
  store: Store,
  ids: number[],
  change: FlagChange,
  opts: {actor: string; now: Date; reason?: string; dryRun?: boolean; signal?: AbortSignal},
): Promise<FlagResult> {
  const result: FlagResult = {dryRun: Boolean(opts.dryRun), succeeded: [], failed: []}
  const found = new Map((await store.cases.list({ids})).map((c) => [c.id, c]))
  const {zone} = await storeZone(store)
  for (const id of ids) {
    if (opts.signal?.aborted) {
      result.failed.push({id, reason: 'interrupted before this case'})
      continue
    }
    const c = found.get(id)
    if (!c) {
      result.failed.push({id, reason: 'no such case'})
      continue
    }
    if (FINAL.has(c.status)) {
      result.failed.push({id, reason: `case is ${c.status}`})
      continue
    }
    const wanted = {...c.flags, ...change}
    const differs = (Object.keys(change) as (keyof CaseFlags)[]).some((k) => c.flags[k] !== wanted[k])
    if (!differs || opts.dryRun) {
      result.succeeded.push({id, flags: wanted, changed: differs, respondDueAt: c.respondDueAt, resolveDueAt: c.resolveDueAt})
      continue
    }
    try {
      const changed: Case = await store.cases.change(id, change, {
        actor: opts.actor, now: opts.now, action: 'flag', expectedVersion: c.version, note: opts.reason ? {reason: opts.reason} : undefined,
      })
      await updateDeadlines(store, changed, {action: 'flag', actor: opts.actor, now: opts.now, zone})
      const after = (await store.cases.get(id))!
      result.succeeded.push({id, flags: after.flags, changed: true, respondDueAt: after.respondDueAt, resolveDueAt: after.resolveDueAt})
    } catch (error) {
      result.failed.push({id, reason: (error as Error).message})
    }
  }
  return result
}
