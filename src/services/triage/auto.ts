import {stopHere} from '../boundary.js'
import type {Case} from '../../domain/case.js'
import {suggest, type Suggestion} from '../../domain/suggest.js'
import type {Store} from '../../store/store.js'
import {incidentCandidates, incidentStart} from './incident-lookup.js'
import {acceptSuggestion, applyTriage} from './apply.js'
import {loadTriageContext} from './context.js'

export interface AutoTriageItem {
  id: number
  title: string
  category: string | null
  confidence: number
  type: string
  flags: string[]
  unit: string | null
  /** Other messages of the collective incident this one belongs to (then collective is set). */
  incident: number[]
  /** Why collective was suggested for an incident. */
  incidentReasons: string[]
  /** What happened (or, with --dry-run, would happen). */
  outcome: 'triaged' | 'assigned' | 'below-threshold' | 'failed'
}

export interface AutoTriageResult {
  dryRun: boolean
  minConfidence: number
  examined: number
  triaged: number
  assigned: number
  leftForPeople: number
  items: AutoTriageItem[]
  failed: {id: number; reason: string}[]
  warnings: string[]
  /** New cases not looked at because the run was interrupted (0 when it ran to the end). */
  notExamined: number
}

export interface AutoTriageOptions {
  worker: string
  actor: string
  now: () => Date
  minConfidence: number
  dryRun: boolean
  batch?: number
  leaseSeconds?: number
  signal?: AbortSignal
  progress?: (done: number, total: number) => void
}

/**
 * Applies suggestions to every new case whose confidence reaches the threshold. Cases are taken in
 * chunks through claim(), so several runs (or clerks) at once never touch the same case; a case
 * another worker holds is left to it. With dryRun nothing is claimed or written.
 */
export async function autoTriage(store: Store, opts: AutoTriageOptions): Promise<AutoTriageResult> {
  const ctx = await loadTriageContext(store)
  const result: AutoTriageResult = {dryRun: opts.dryRun, minConfidence: opts.minConfidence, examined: 0, triaged: 0, assigned: 0, leftForPeople: 0, items: [], failed: [], warnings: [], notExamined: 0}
  if (!ctx.hasModel) result.warnings.push('no classifier in the store: only cases that already have a category can be triaged (run board classifier train)')
  const ids = (await store.cases.list({status: ['new']})).map((c) => c.id).sort((a, b) => a - b)
  const batch = opts.batch ?? 50
  for (let start = 0; start < ids.length; start += batch) {
    if (await stopHere(opts.signal)) {
      result.notExamined = ids.length - start
      break
    }
    const chunk = ids.slice(start, start + batch)
    const cases = opts.dryRun
      ? await store.cases.list({ids: chunk, status: ['new']})
      : await store.cases.claim({ids: chunk, status: ['new']}, {worker: opts.worker, now: opts.now(), leaseSeconds: opts.leaseSeconds ?? 300, limit: batch})
    for (const c of cases) {
      result.examined++
      const s = suggest(c, {...ctx, incidentCandidates: await incidentCandidates(store, c, ctx.incidents)})
      const item = toItem(c, s)
      if (s.confidence < opts.minConfidence || !s.category) {
        item.outcome = 'below-threshold'
        result.leftForPeople++
      } else if (!opts.dryRun) {
        try {
          const changed = await applyTriage(store, c, acceptSuggestion(s, ctx.unitIds), {
            actor: opts.actor, now: opts.now(), startAt: await incidentStart(store, s.incident),
            note: {auto: true, confidence: s.confidence, ...(s.incident ? {incident: s.incident.ids} : {})},
          })
          item.outcome = changed.status === 'assigned' ? 'assigned' : 'triaged'
        } catch (error) {
          result.failed.push({id: c.id, reason: (error as Error).message})
          item.outcome = 'failed'
        }
      } else item.outcome = item.unit && ctx.unitIds.has(item.unit) ? 'assigned' : 'triaged'
      if (item.outcome === 'triaged') result.triaged++
      if (item.outcome === 'assigned') result.assigned++
      result.items.push(item)
      if (!opts.dryRun) await store.cases.release(c.id, opts.worker)
    }
    opts.progress?.(Math.min(start + batch, ids.length), ids.length)
  }
  return result
}

function toItem(c: Case, s: Suggestion): AutoTriageItem {
  return {
    id: c.id,
    title: c.title,
    category: s.category?.value ?? null,
    confidence: s.confidence,
    type: s.type.value,
    flags: Object.entries(s.flags).filter(([, v]) => v.value).map(([k]) => k),
    unit: s.unit?.value ?? null,
    incident: s.incident?.ids ?? [],
    incidentReasons: s.incident?.reasons ?? [],
    outcome: 'below-threshold',
  }
}
