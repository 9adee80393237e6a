import type {CaseFlags} from '../../domain/case.js'
import type {ClockHistory, StageDeadline} from '../../domain/sla/clock.js'
import type {SlaRule, TransferMode} from '../../domain/sla/policy.js'
import type {Store} from '../../store/store.js'
import {findCase} from '../cases/find.js'
import {storeZone} from '../store-zone.js'
import {loadSlaContext} from './context.js'
import {updateDeadlines} from './deadlines.js'

export interface SlaExplanation {
  id: number
  title: string
  status: string
  /** The rule that gave the deadlines, and what it matches on. */
  rule: {index: number | null; name: string | null; match: SlaRule['match'] | null}
  /** The case's urgency flags (a rule may match on them), and which of them the rule required. */
  flags: {set: (keyof CaseFlags)[]; matched: string[]}
  /** The store's zone the deadlines were counted in, and whether it is the store's setting or the default. */
  zone: {name: string; stored: boolean}
  transfer: TransferMode
  /** False for a case nobody has triaged: it has no clock and no deadline yet. */
  clockStarted: boolean
  respond: StageDeadline | null
  resolve: StageDeadline | null
  /** Deadlines currently stored on the case (stale when they differ: run sla recompute). */
  stored: {respondDueAt: string | null; resolveDueAt: string | null}
  history: ClockHistory | null
  paused: boolean
  warnings: string[]
}

/** Which rule, flags and zone gave the deadlines as of now, and what moved them; writes nothing. */
export async function explainSla(store: Store, key: string, opts: {now: Date}): Promise<SlaExplanation> {
  const c = await findCase(store, key)
  const {zone, stored} = await storeZone(store)
  const sla = await loadSlaContext(store, zone)
  const {deadlines: d, history} = await updateDeadlines(store, c, {action: 'explain', actor: 'explain', now: opts.now, zone, sla, dryRun: true})
  const rule = d.ruleIndex === null ? undefined : sla.policy.rules[d.ruleIndex]
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    rule: {index: d.ruleIndex, name: d.ruleName, match: rule?.match ?? null},
    flags: {set: (Object.keys(c.flags) as (keyof CaseFlags)[]).filter((k) => c.flags[k]), matched: rule?.match?.flags ?? []},
    zone: {name: zone, stored},
    transfer: d.transfer,
    clockStarted: history !== null,
    respond: d.respond,
    resolve: d.resolve,
    stored: {respondDueAt: c.respondDueAt, resolveDueAt: c.resolveDueAt},
    history,
    paused: d.paused,
    warnings: d.warnings,
  }
}
