import {lastCoveredYear} from '../../domain/sla/calendar.js'
import {addWorkingDays} from '../../domain/sla/working-time.js'
import {localDate} from '../../domain/sla/zone.js'
import type {DoctorProbe} from '../doctor-check.js'
import {loadSlaContext} from './context.js'

// Deadlines set today run up to ~6 weeks ahead: the calendar must cover them, or board counts
// Monday–Friday and says so.
export const slaProbe: DoctorProbe = async ({store, now}) => {
  const {calendar} = await loadSlaContext(store)
  const last = lastCoveredYear(calendar)
  const horizon = localDate(addWorkingDays(calendar, now.getTime(), 30), calendar.tz)
  const ok = last !== null && Number(horizon.slice(0, 4)) <= last
  // Late in a covered year the next notice may simply not be out yet: a warning until the year
  // itself begins; a store running in a year it has no schedule for fails.
  const thisYearCovered = last !== null && Number(localDate(now.getTime(), calendar.tz).slice(0, 4)) <= last
  const failed = await store.sla.failures()
  return [
    {
      area: 'sla',
      name: 'calendar coverage',
      ok,
      detail: ok ? `State Council schedule loaded to ${last}` : `calendar ends with ${last ?? 'no year'}; deadlines up to ${horizon} count Monday–Friday for uncovered days`,
      fix: ok ? undefined : `board calendar import ${Number(horizon.slice(0, 4))}.json (holiday-cn format), then board sla recompute`,
      warning: !ok && thisYearCovered,
    },
    {
      area: 'sla',
      name: 'reminder outbox',
      ok: failed.length === 0,
      detail: failed.length === 0 ? 'no failed reminders' : `${failed.length} reminder(s) failing, last error: ${failed.at(-1)!.lastError}`,
      fix: failed.length === 0 ? undefined : 'check notify.channels and the channel; board overdue --notify retries them',
    },
  ]
}
