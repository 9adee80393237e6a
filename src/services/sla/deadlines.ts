import type {Case} from '../../domain/case.js'
import {type ClockHistory, computeDeadlines, type Deadlines} from '../../domain/sla/clock.js'
import {evolveHistory} from '../../domain/sla/history.js'
import type {Store} from '../../store/store.js'
import {loadSlaContext, type SlaContext} from './context.js'

export interface DeadlineChange {
  id: number
  rule: string | null
  respondDueAt: {before: string | null; after: string | null}
  resolveDueAt: {before: string | null; after: string | null}
  warnings: string[]
  changed: boolean
}

/**
 * Moves the case's clock history on by `action`, recomputes both deadlines and stores them on the
 * case (an audit event when they change). With dryRun nothing is written.
 */
export async function updateDeadlines(
  store: Store,
  c: Case,
  ctx: {action: string; actor: string; now: Date; sla?: SlaContext; dryRun?: boolean},
): Promise<{change: DeadlineChange; deadlines: Deadlines; history: ClockHistory}> {
  const sla = ctx.sla ?? (await loadSlaContext(store))
  const stored = await store.sla.getClock(c.id)
  const history = evolveHistory(stored?.history, c, ctx.action, ctx.now)
  const unitCode = c.unitId === null ? null : ((await store.units.get(c.unitId))?.code ?? null)
  const d = computeDeadlines({...c, unitCode}, history, sla.policy, sla.calendar, ctx.now)
  const respond = d.respond?.dueAt ?? null
  const resolve = d.resolve?.dueAt ?? null
  const change: DeadlineChange = {
    id: c.id,
    rule: d.ruleName,
    respondDueAt: {before: c.respondDueAt, after: respond},
    resolveDueAt: {before: c.resolveDueAt, after: resolve},
    warnings: d.warnings,
    changed: !same(c.respondDueAt, respond) || !same(c.resolveDueAt, resolve),
  }
  if (!ctx.dryRun) {
    await store.transaction(async (tx) => {
      await tx.sla.putClock({caseId: c.id, ruleIndex: d.ruleIndex, ruleName: d.ruleName, history, warnings: d.warnings, computedAt: ctx.now.toISOString()})
      if (change.changed) {
        await tx.cases.change(c.id, {respondDueAt: respond, resolveDueAt: resolve}, {
          actor: ctx.actor, now: ctx.now, action: 'sla.deadline', note: {rule: d.ruleName, after: ctx.action},
        })
      }
    })
  }
  return {change, deadlines: d, history}
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b))
