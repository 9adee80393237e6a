import type {Case} from '../case.js'
import type {ClockHistory} from './clock.js'

// How a case's clock history moves with what happened to the case. The status is the source of
// truth for waits (whoever set `waiting`), the action for transfers, assignment and reopen.

// A case first seen by triage or assignment starts its clock then; any other first sight (recompute,
// explain, a wait) counts from when the citizen posted.
const STARTS_CLOCK = ['triage', 'assign', 'transfer']
// A handler's reopen and a citizen's unsatisfied rating both send the case back to work.
const REOPENS = ['reopen', 'rate.unsatisfied']

export function evolveHistory(prev: ClockHistory | undefined, c: Pick<Case, 'status' | 'postedAt'>, action: string, now: Date): ClockHistory {
  const at = now.toISOString()
  const h: ClockHistory = prev
    ? structuredClone(prev)
    : {start: STARTS_CLOCK.includes(action) ? at : c.postedAt, pauses: [], transfers: [], reopenedAt: null}
  const last = h.transfers[h.transfers.length - 1]
  if (action === 'transfer') h.transfers.push({at, acceptedAt: null})
  else if (action === 'assign' && last && last.acceptedAt === null) last.acceptedAt = at
  if (REOPENS.includes(action) && c.status === 'reopened') h.reopenedAt = at
  const open = h.pauses.find((p) => p.to === null)
  if (c.status === 'waiting' && !open) h.pauses.push({from: at, to: null})
  if (c.status !== 'waiting' && open) open.to = at
  return h
}
