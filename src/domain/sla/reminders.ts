import type {ReminderLadder} from './policy.js'

// The reminder ladder for one deadline. Only the latest reached reminder is due (a cron that was
// down for three days sends one reminder, not three), plus the escalation once reached.

export interface LadderStep {
  /** Stable name, part of the outbox key: "p75", "due", "late1", "late2", …, "escalate". */
  step: string
  kind: 'remind' | 'escalate'
  at: string
}

export function dueSteps(clockFrom: string, dueAt: string, ladder: ReminderLadder, now: Date): LadderStep[] {
  const from = Date.parse(clockFrom)
  const due = Date.parse(dueAt)
  const span = Math.max(0, due - from)
  const t = now.getTime()
  const reached: LadderStep[] = []
  for (const f of [...ladder.at].sort((a, b) => a - b)) {
    const at = from + f * span
    if (at <= t) reached.push({step: f === 1 ? 'due' : `p${Math.round(f * 100)}`, kind: 'remind', at: new Date(at).toISOString()})
  }
  if (ladder.everyHours > 0 && t >= due) {
    const k = Math.floor((t - due) / (ladder.everyHours * 3_600_000))
    if (k >= 1) reached.push({step: `late${k}`, kind: 'remind', at: new Date(due + k * ladder.everyHours * 3_600_000).toISOString()})
  }
  reached.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  const out = reached.length > 0 ? [reached[reached.length - 1]] : []
  if (ladder.escalateAt > 0 && from + ladder.escalateAt * span <= t) {
    out.push({step: 'escalate', kind: 'escalate', at: new Date(from + ladder.escalateAt * span).toISOString()})
  }
  return out
}
