import type {ClockHistory, StageDeadline} from '../../domain/sla/clock.js'
import type {TransferMode} from '../../domain/sla/policy.js'
import type {Store} from '../../store/store.js'
import {findCase} from '../find-case.js'
import {loadSlaContext} from './context.js'
import {updateDeadlines} from './deadlines.js'

export interface SlaExplanation {
  id: number
  title: string
  status: string
  rule: {index: number | null; name: string | null}
  transfer: TransferMode
  respond: StageDeadline | null
  resolve: StageDeadline | null
  /** Deadlines currently stored on the case (stale when they differ: run sla recompute). */
  stored: {respondDueAt: string | null; resolveDueAt: string | null}
  history: ClockHistory
  paused: boolean
  warnings: string[]
}

/** Which rule matched, the deadlines as of now, and what moved them; writes nothing. */
export async function explainSla(store: Store, key: string, opts: {now: Date}): Promise<SlaExplanation> {
  const c = await findCase(store, key)
  const sla = await loadSlaContext(store)
  const {deadlines: d, history} = await updateDeadlines(store, c, {action: 'explain', actor: 'explain', now: opts.now, sla, dryRun: true})
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    rule: {index: d.ruleIndex, name: d.ruleName},
    transfer: d.transfer,
    respond: d.respond,
    resolve: d.resolve,
    stored: {respondDueAt: c.respondDueAt, resolveDueAt: c.resolveDueAt},
    history,
    paused: d.paused,
    warnings: d.warnings,
  }
}
