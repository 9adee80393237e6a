import {channelsFor} from '../../../domain/sla/channels.js'
import {clockFromOf} from '../../../domain/sla/clock.js'
import {ladderOf} from '../../../domain/sla/policy.js'
import {dueSteps} from '../../../domain/sla/reminders.js'
import {oneLine} from '../../../domain/sanitize.js'
import type {OutboxEntry} from '../../../store/sla.js'
import type {Store} from '../../../store/store.js'
import type {SlaContext} from '../context.js'
import type {Reminder} from './message.js'

// Reminders start at a fraction of the time allowed, so deadlines up to this far ahead matter.
const LOOKAHEAD_MS = 120 * 86_400_000

export interface ReminderPlan {
  entries: OutboxEntry[]
  /** Deadlines with a reminder due but no channel for their unit. */
  noChannel: {caseId: number; unit: string | null}[]
}

/** Which (case, stage, step, channel) reminders are due as of now; pure reading. */
export async function planReminders(store: Store, sla: SlaContext, now: Date, filter: {unit?: string} = {}): Promise<ReminderPlan> {
  const rows = await store.sla.deadlinesBefore(new Date(now.getTime() + LOOKAHEAD_MS).toISOString(), {unit: filter.unit})
  const units = new Map((await store.units.list()).map((u) => [u.code, u]))
  const clocks = await store.sla.getClocks(rows.map((r) => r.caseId))
  const plan: ReminderPlan = {entries: [], noChannel: []}
  for (const row of rows) {
    const clock = clocks.get(row.caseId)
    const rule = clock?.ruleIndex === null || clock?.ruleIndex === undefined ? undefined : sla.policy.rules[clock.ruleIndex]
    const from = clock ? new Date(clockFromOf(clock.history, rule?.transfer ?? 'keep')).toISOString() : row.dueAt
    // Without a clock (deadline set by hand or import) the time allowed is unknown: no fractions or escalation.
    const ladder = clock ? ladderOf(rule) : {...ladderOf(rule), at: [1], escalateAt: 0}
    const steps = dueSteps(from, row.dueAt, ladder, now)
    if (steps.length === 0) continue
    const channels = channelsFor(sla.channels, row.unitCode, row.unit)
    const supervisor = row.unitCode ? (units.get(row.unitCode)?.supervisor ?? null) : null
    if (channels.length === 0 && !supervisor?.includes('@')) {
      plan.noChannel.push({caseId: row.caseId, unit: row.unit})
      continue
    }
    for (const s of steps) {
      const reminder: Reminder = {
        caseId: row.caseId, title: oneLine(row.title, 80), unit: row.unit, handler: row.handler, stage: row.stage,
        step: s.step, kind: s.kind, dueAt: row.dueAt, lateMs: now.getTime() - Date.parse(row.dueAt), supervisor,
      }
      const targets = channels.map((channel, i) => ({key: `${channel.type}:${i}`, channel}))
      if (s.kind === 'escalate' && supervisor?.includes('@')) targets.push({key: 'email:supervisor', channel: {type: 'email', to: [supervisor]}})
      for (const t of targets) {
        plan.entries.push({caseId: row.caseId, stage: row.stage, dueAt: row.dueAt, step: s.step, channel: t.key, kind: s.kind, payload: {channel: t.channel, reminder}})
      }
    }
  }
  return plan
}
