import type {Case} from '../../domain/case.js'
import {type ClockHistory, computeDeadlines, type Deadlines} from '../../domain/sla/clock.js'
import {clockStart, evolveHistory, STARTS_CLOCK} from '../../domain/sla/history.js'
import {matchRule} from '../../domain/sla/policy.js'
import type {Store} from '../../store/store.js'
import type {StoreZone} from '../store-zone.js'
import {loadSlaContext, type SlaContext} from './context.js'

export interface DeadlineChange {
  id: number
  rule: string | null
  respondDueAt: {before: string | null; after: string | null}
  resolveDueAt: {before: string | null; after: string | null}
  warnings: string[]
  changed: boolean
}

/** What moved a case's deadlines: the action, who, and the clock they are counted on. */
export interface DeadlineCause {
  action: string
  actor: string
  now: Date
  /** The store's zone (storeZone): deadlines are counted in it, never in a clerk's display zone. */
  zone: StoreZone
  /** The clock of a case joining a collective incident starts with the incident's. */
  startAt?: string
}

/**
 * Moves the case's clock history on by `action`, recomputes both deadlines and stores them on the
 * case (an audit event when they change). Every service that changes what a deadline depends on
 * (triage, assign, transfer, flags, wait/resume, reopen, reply sent, rating, close) calls it after
 * the change. A case whose clock has not started (see the clock rule in domain/sla/history.ts)
 * gets no deadline, and loses one it should not have. sla: the context when the caller loaded it
 * for many cases (used only if in the same zone). With dryRun nothing is written.
 */
export async function updateDeadlines(
  store: Store,
  c: Case,
  ctx: DeadlineCause & {sla?: SlaContext; dryRun?: boolean},
): Promise<{change: DeadlineChange; deadlines: Deadlines; history: ClockHistory | null}> {
  const sla = ctx.sla?.zone === ctx.zone ? ctx.sla : await loadSlaContext(store, ctx.zone)
  const stored = await store.sla.getClock(c.id)
  let history: ClockHistory | null = null
  if (stored) history = evolveHistory(stored.history, c, ctx.action, ctx.now)
  else {
    const start = clockStart(c, ctx.action, ctx.now, STARTS_CLOCK.includes(ctx.action) ? null : await firstStart(store, c.id), ctx.startAt)
    if (start !== null) history = evolveHistory(undefined, c, ctx.action, ctx.now, start)
  }
  const unitCode = c.unitId === null ? null : ((await store.units.get(c.unitId))?.code ?? null)
  const d = history ? computeDeadlines({...c, unitCode}, history, sla.policy, sla.calendar, ctx.now) : notStarted({...c, unitCode}, sla)
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
  if (!ctx.dryRun && (history || change.changed)) {
    await store.transaction(async (tx) => {
      if (history) await tx.sla.putClock({caseId: c.id, ruleIndex: d.ruleIndex, ruleName: d.ruleName, history, warnings: d.warnings, computedAt: ctx.now.toISOString()})
      if (change.changed) {
        await tx.cases.change(c.id, {respondDueAt: respond, resolveDueAt: resolve}, {
          actor: ctx.actor, now: ctx.now, action: 'sla.deadline', note: {rule: d.ruleName, after: ctx.action, ...(history ? {} : {clock: 'not started'})},
        })
      }
    })
  }
  return {change, deadlines: d, history}
}

/** The first triage, assignment or transfer in the audit log: where a clock not yet recorded started. */
async function firstStart(store: Store, caseId: number): Promise<string | null> {
  const events = await store.events.forCase(caseId)
  const first = events.filter((e) => STARTS_CLOCK.includes(e.action)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0]
  return first ? new Date(first.at).toISOString() : null
}

function notStarted(c: Parameters<typeof matchRule>[1], sla: SlaContext): Deadlines {
  const m = matchRule(sla.policy, c)
  return {
    ruleIndex: m?.index ?? null,
    ruleName: m ? (m.rule.name ?? `rules[${m.index}]`) : null,
    transfer: m?.rule.transfer ?? 'keep',
    respond: null,
    resolve: null,
    paused: false,
    warnings: [],
  }
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b))
