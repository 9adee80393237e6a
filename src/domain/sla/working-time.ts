import {dayInfo, type WorkingCalendar} from './calendar.js'
import {addDays, localDate, localTime} from './zone.js'

// The clock's measure of time. A target counts real time ('hours', 24×7), working time inside the
// calendar's working hours ('workingHours'), or whole working days ('workingDays'). Everything is
// "advance from a moment by a budget, skipping pauses", so pauses, transfers and reopen compose.

export type TargetUnit = 'hours' | 'workingHours' | 'workingDays'

export interface Interval {
  from: number
  to: number
}

const DAY = 86_400_000
/** Used for working-hour targets when the policy names no hours. */
export const DEFAULT_HOURS: ReadonlyArray<readonly [number, number]> = [
  [540, 720],
  [810, 1050],
]
const MAX_DAYS = 20_000

/** The periods of one local date that count for unit. */
function periods(cal: WorkingCalendar, unit: TargetUnit, date: string): Interval[] {
  const start = localTime(date, 0, cal.tz)
  if (unit === 'hours') return [{from: start, to: localTime(addDays(date, 1), 0, cal.tz)}]
  if (!dayInfo(cal, date).working) return []
  if (unit === 'workingDays') return [{from: start, to: localTime(addDays(date, 1), 0, cal.tz)}]
  const hours = cal.hours.length > 0 ? cal.hours : DEFAULT_HOURS
  return hours.map(([a, b]) => ({from: localTime(date, a, cal.tz), to: localTime(date, b, cal.tz)}))
}

/** interval minus the (sorted, disjoint) pauses. */
function without(iv: Interval, pauses: readonly Interval[]): Interval[] {
  let parts = [iv]
  for (const p of pauses) {
    if (p.to <= iv.from || p.from >= iv.to) continue
    parts = parts.flatMap((x) => {
      const out: Interval[] = []
      if (p.from > x.from) out.push({from: x.from, to: Math.min(p.from, x.to)})
      if (p.to < x.to) out.push({from: Math.max(p.to, x.from), to: x.to})
      return out.filter((o) => o.to > o.from)
    })
  }
  return parts
}

/** The moment budgetMs of counted time has passed since from, skipping pauses. */
export function advance(cal: WorkingCalendar, unit: TargetUnit, from: number, budgetMs: number, pauses: readonly Interval[] = []): number {
  let left = budgetMs
  if (left <= 0) return from
  let date = localDate(from, cal.tz)
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    for (const p of periods(cal, unit, date)) {
      for (const part of without({from: Math.max(p.from, from), to: p.to}, pauses)) {
        if (part.to <= part.from) continue
        const len = part.to - part.from
        if (len >= left) return part.from + left
        left -= len
      }
    }
  }
  throw new Error(`no working time within ${MAX_DAYS} days of ${new Date(from).toISOString()}`)
}

/** Counted time between from and to, skipping pauses. */
export function measure(cal: WorkingCalendar, unit: TargetUnit, from: number, to: number, pauses: readonly Interval[] = []): number {
  let total = 0
  if (to <= from) return 0
  for (let date = localDate(from, cal.tz); localTime(date, 0, cal.tz) < to; date = addDays(date, 1)) {
    for (const p of periods(cal, unit, date)) {
      for (const part of without({from: Math.max(p.from, from), to: Math.min(p.to, to)}, pauses)) total += Math.max(0, part.to - part.from)
    }
  }
  return total
}

/**
 * End of the nth working day after the day of start (the day a period starts on is not counted,
 * as in Chinese administrative practice), pauses added; with working hours, close of business.
 */
export function addWorkingDays(cal: WorkingCalendar, start: number, n: number, pauses: readonly Interval[] = []): number {
  const clockFrom = localTime(addDays(localDate(start, cal.tz), 1), 0, cal.tz)
  const at = advance(cal, 'workingDays', Math.max(clockFrom, start), n * DAY, pauses)
  // A pause can end the budget mid-day: the deadline is still the end of that working day.
  const lastDay = localDate(at - 1, cal.tz)
  const hours = cal.hours
  if (hours.length > 0) return localTime(lastDay, hours[hours.length - 1][1], cal.tz)
  return localTime(addDays(lastDay, 1), 0, cal.tz) - 1000
}

/** Working days d with date(from) < d ≤ date(to). */
export function countWorkingDays(cal: WorkingCalendar, from: number, to: number): number {
  let n = 0
  const last = localDate(to, cal.tz)
  for (let d = addDays(localDate(from, cal.tz), 1); d <= last; d = addDays(d, 1)) if (dayInfo(cal, d).working) n++
  return n
}

export {DAY}
