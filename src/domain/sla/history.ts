import type {Case} from '../case.js'
import type {ClockHistory} from './clock.js'

// How a case's clock history moves with what happened to the case. The status is the source of
// truth for waits (whoever set `waiting`), the action for transfers, assignment and reopen.

export function evolveHistory(prev: ClockHistory | undefined, c: Pick<Case, 'status' | 'postedAt'>, action: string, now: Date): ClockHistory {
  const at = now.toISOString()
  const h: ClockHistory = prev
    ? structuredClone(prev)
    : {start: action === 'recompute' ? c.postedAt : at, pauses: [], transfers: [], reopenedAt: null}
  const last = h.transfers[h.transfers.length - 1]
  if (action === 'transfer') h.transfers.push({at, acceptedAt: null})
  else if (action === 'assign' && last && last.acceptedAt === null) last.acceptedAt = at
  if (action === 'reopen') h.reopenedAt = at
  const open = h.pauses.find((p) => p.to === null)
  if (c.status === 'waiting' && !open) h.pauses.push({from: at, to: null})
  if (c.status !== 'waiting' && open) open.to = at
  return h
}
