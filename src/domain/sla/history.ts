import type {Case} from '../case.js'
import type {ClockHistory} from './clock.js'

// How a case's clock history moves with what happened to the case. The status is the source of
// truth for waits (whoever set `waiting`), the action for transfers, assignment and reopen.
//
// THE CLOCK RULE (the one place it is decided; README "SLA" and docs/sla.md state it for users):
// a case's clock starts when board first takes it into work, at its first triage, assignment or
// transfer. A case nobody has triaged has no clock and no deadline, whatever looks at it
// (recompute, explain, a flag, a wait). A case that arrives already answered or closed (an import
// of the platform's history) was taken into work before board: its clock counts from posting.
// Waits stop the clock; a reopen starts a new cycle with the full time; a transfer keeps,
// restarts or hands over the remaining time as the matched rule says.

export const STARTS_CLOCK = ['triage', 'assign', 'transfer']
// A handler's reopen and a citizen's unsatisfied rating both send the case back to work.
const REOPENS = ['reopen', 'rate.unsatisfied']

type Facts = Pick<Case, 'status' | 'postedAt' | 'respondedAt' | 'resolvedAt'>

/**
 * When the clock of a case without a recorded history started: at `action` if it starts clocks
 * (or with the collective incident it joins, if that started earlier),
 * else at its first clock-starting event (`firstStart`, from the audit log), else at posting for a
 * case that came in answered; null when it has not started.
 */
export function clockStart(c: Facts, action: string, now: Date, firstStart: string | null, incidentStart?: string): string | null {
  // A message joining a collective incident shares the incident's clock (started at its first report's triage).
  if (STARTS_CLOCK.includes(action)) return incidentStart && Date.parse(incidentStart) < now.getTime() ? incidentStart : now.toISOString()
  if (firstStart) return firstStart
  if (c.respondedAt !== null || c.resolvedAt !== null) return c.postedAt
  return null
}

export function evolveHistory(prev: ClockHistory | undefined, c: Pick<Case, 'status' | 'postedAt'>, action: string, now: Date, start?: string): ClockHistory {
  const at = now.toISOString()
  const h: ClockHistory = prev
    ? structuredClone(prev)
    : {start: start ?? (STARTS_CLOCK.includes(action) ? at : c.postedAt), pauses: [], transfers: [], reopenedAt: null}
  const last = h.transfers[h.transfers.length - 1]
  if (action === 'transfer') h.transfers.push({at, acceptedAt: null})
  else if (action === 'assign' && last && last.acceptedAt === null) last.acceptedAt = at
  if (REOPENS.includes(action) && c.status === 'reopened') h.reopenedAt = at
  const open = h.pauses.find((p) => p.to === null)
  if (c.status === 'waiting' && !open) h.pauses.push({from: at, to: null})
  if (c.status !== 'waiting' && open) open.to = at
  return h
}
