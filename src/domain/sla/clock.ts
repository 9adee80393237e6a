import {dayInfo, type DayInfo, lastCoveredYear, type WorkingCalendar, datesBetween} from './calendar.js'
import {matchRule, type SlaPolicy, type SlaRule, type Target, type TransferMode, parseTarget, policyHours} from './policy.js'
import {addWorkingDays, advance, type Interval} from './working-time.js'
import {localDate} from './zone.js'

// Deadlines from a case's history; pure, `now` passed in. The history is what the SLA capability
// records as the case moves (see services/sla): when the clock started, waits, transfers, reopen.

export interface ClockHistory {
  /** Triage/assign moment (else the posting time): the clock starts here. */
  start: string
  pauses: {from: string; to: string | null}[]
  /** A transfer and when the receiving unit took the case (assign), if it has. */
  transfers: {at: string; acceptedAt: string | null}[]
  /** Latest reopen: a new cycle starts here with the full time. */
  reopenedAt: string | null
}

export interface StageDeadline {
  target: Target
  dueAt: string
  /** Where the time counted from (after reopen/restart). */
  clockFrom: string
  /** Time added for waits (and, with `remaining`, transfer handovers). */
  pausedMs: number
  /** Non-working days between clockFrom and dueAt, which the calendar skipped. */
  skipped: DayInfo[]
}

export interface Deadlines {
  ruleIndex: number | null
  ruleName: string | null
  transfer: TransferMode
  respond: StageDeadline | null
  resolve: StageDeadline | null
  /** The case is waiting now: deadlines shown as if it resumed at `now`. */
  paused: boolean
  warnings: string[]
}

type CaseFacts = Parameters<typeof matchRule>[1]

export function computeDeadlines(c: CaseFacts, history: ClockHistory, policy: SlaPolicy, cal: WorkingCalendar, now: Date): Deadlines {
  const m = matchRule(policy, c)
  const rule: SlaRule | undefined = m?.rule
  const transfer = rule?.transfer ?? 'keep'
  const calendar: WorkingCalendar = cal.hours.length > 0 ? cal : {...cal, hours: policyHours(policy)}
  const warnings: string[] = []
  const stage = (text: string | undefined): StageDeadline | null => {
    const target = parseTarget(text)
    return target ? stageDeadline(target, history, transfer, calendar, now, warnings) : null
  }
  return {
    ruleIndex: m?.index ?? null,
    ruleName: rule ? (rule.name ?? `rules[${m!.index}]`) : null,
    transfer,
    respond: stage(rule?.respond),
    resolve: stage(rule?.resolve),
    paused: history.pauses.some((p) => p.to === null),
    warnings: [...new Set(warnings)],
  }
}

function stageDeadline(target: Target, h: ClockHistory, mode: TransferMode, cal: WorkingCalendar, now: Date, warnings: string[]): StageDeadline {
  const t = (s: string) => Date.parse(s)
  const from = clockFromOf(h, mode)
  const transfers = h.transfers.filter((x) => t(x.at) >= from)
  const gaps: Interval[] = h.pauses.map((p) => ({from: t(p.from), to: p.to ? t(p.to) : now.getTime()}))
  // `remaining`: the receiving unit gets what was left; the handover itself does not count.
  if (mode === 'remaining') for (const x of transfers) gaps.push({from: t(x.at), to: x.acceptedAt ? t(x.acceptedAt) : now.getTime()})
  const pauses = merge(gaps.filter((g) => g.to > from).map((g) => ({from: Math.max(g.from, from), to: g.to})))
  const pausedMs = pauses.reduce((s, p) => s + (p.to - p.from), 0)
  let due: number
  if (target.unit === 'workingDays') due = addWorkingDays(cal, from, target.amount, pauses)
  else due = advance(cal, target.unit, from, target.amount * 3_600_000, pauses)
  const skipped: DayInfo[] = []
  if (target.unit !== 'hours') {
    const first = localDate(from, cal.tz)
    for (const d of datesBetween(first, localDate(due, cal.tz))) {
      const info = dayInfo(cal, d)
      if (!info.working) skipped.push(info)
      if (info.uncovered) {
        const last = lastCoveredYear(cal)
        warnings.push(`the working calendar ends with ${last ?? 'no year'}; days in ${d.slice(0, 4)} were counted Monday–Friday: import the State Council schedule (board calendar import) and run board sla recompute`)
      }
    }
  }
  return {target, dueAt: new Date(due).toISOString(), clockFrom: new Date(from).toISOString(), pausedMs, skipped}
}

/** Where the current cycle's time counts from: the start, the last reopen, or (restart) the last transfer. */
export function clockFromOf(h: ClockHistory, mode: TransferMode): number {
  let from = Date.parse(h.start)
  if (h.reopenedAt && Date.parse(h.reopenedAt) > from) from = Date.parse(h.reopenedAt)
  const last = h.transfers.filter((x) => Date.parse(x.at) >= from).at(-1)
  if (mode === 'restart' && last) from = Date.parse(last.at)
  return from
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from)
  const out: Interval[] = []
  for (const i of sorted) {
    const last = out[out.length - 1]
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to)
    else out.push({...i})
  }
  return out
}

