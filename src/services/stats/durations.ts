import {createHash} from 'node:crypto'

import type {WorkingCalendar} from '../../domain/sla/calendar.js'
import {WorkingDaysMeter} from '../../domain/sla/working-days-between.js'
import type {ImportTiming} from '../../store/cases.js'
import type {Store} from '../../store/store.js'
import {BoardError, StoreUnreachableError} from '../../errors.js'
import {loadSlaContext} from '../sla/context.js'

// Statistics read handling times stored on each case (migration 9). Before they aggregate, the
// cases whose times are missing (new, or an instant changed since) get them, and all of them are
// computed again when the zone or the holiday calendar differs from the one they were computed on.

const PAGE = 5000

const NO_DAYS = Object.freeze({respondWorkingDays: null, resolveWorkingDays: null})

/** The zone and the official days off and make-up workdays: what working days depend on. */
export function durationBasis(cal: WorkingCalendar): string {
  const days = [...cal.exceptions].map(([date, e]) => `${date}${e.off ? '-' : '+'}`).sort().join(',')
  return `${cal.tz} ${createHash('sha256').update(days).digest('hex').slice(0, 16)}`
}

/** The basis this zone and the store's calendar make, the one the store holds, and a meter for them. */
async function bases(store: Store, tz: string): Promise<{basis: string; stored: string | null; meter: WorkingDaysMeter}> {
  const {calendar: stored} = await loadSlaContext(store)
  const calendar = {...stored, tz}
  return {basis: durationBasis(calendar), stored: await store.stats.durationBasis(), meter: new WorkingDaysMeter(calendar)}
}

/** Working days from posting (epoch ms) to a reply and to resolution, where they happened. */
function workingDays(meter: WorkingDaysMeter, posted: number, responded: number | null, resolved: number | null) {
  return {
    respondWorkingDays: responded === null ? null : meter.between(posted, responded),
    resolveWorkingDays: resolved === null ? null : meter.between(posted, resolved),
  }
}

/** Fills every missing stored duration; returns how many cases were brought up to date. */
export async function refreshDurations(store: Store, tz: string, onProgress?: (done: number) => void): Promise<number> {
  const {basis, stored, meter} = await bases(store, tz)
  if (stored !== basis) {
    try {
      await store.stats.resetDurations(basis)
    } catch (error) {
      if (stored === null || error instanceof StoreUnreachableError) throw error
      // A role that may only read them (a unit clerk on PostgreSQL) can still use them as they are.
      const zone = stored.split(' ')[0]
      throw new BoardError(`handling times in this store are counted in ${zone} with its holiday calendar, and this role may not count them again in ${tz}: ${(error as Error).message}`, {
        cause: error,
        suggestion: zone === tz ? 'ask an admin to run board stats once (the holiday calendar changed)' : `the store's zone (setting store.timezone) is now ${tz}: ask an admin to run board stats once`,
      })
    }
  }
  let done = 0
  for (let after = 0; ; ) {
    // Read and write in one transaction: no change to these cases can slip in between.
    const n = await store.transaction(async (tx) => {
      const page = await tx.stats.pendingDurations(after, PAGE)
      if (page.length === 0) return 0
      await tx.stats.saveDurations(
        page.map((c) => ({id: c.id, ...workingDays(meter, c.postedAt, c.respondedAt, c.resolvedAt)})),
      )
      after = page[page.length - 1].id
      return page.length
    })
    if (n === 0) return done
    done += n
    onProgress?.(done)
  }
}

/**
 * Working days for an import to store on its new cases, counted as refreshDurations would count
 * them. Only when the store's basis is this zone and calendar, or it has none yet (this one becomes
 * it, as the first statistics run would make it); otherwise the next statistics run recomputes
 * every case anyway, and the import leaves them.
 */
export async function importTiming(store: Store, tz: string): Promise<ImportTiming | undefined> {
  const {basis, stored, meter} = await bases(store, tz)
  if (stored === null) {
    try {
      await store.stats.resetDurations(basis)
    } catch (error) {
      if (error instanceof StoreUnreachableError) throw error
      return undefined // a role that may only read the basis (a unit clerk on PostgreSQL)
    }
  } else if (stored !== basis) return undefined
  const at = (iso: string | null | undefined) => (iso === null || iso === undefined ? null : Date.parse(iso))
  return {
    basis,
    workingDays: (row) => {
      const responded = at(row.reply?.sentAt)
      const resolved = at(row.resolvedAt)
      // Most imported messages are neither answered nor closed yet: their posted time need not be read.
      return responded === null && resolved === null ? NO_DAYS : workingDays(meter, Date.parse(row.postedAt), responded, resolved)
    },
  }
}
