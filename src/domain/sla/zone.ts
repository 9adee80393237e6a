import {tzOffset} from '@date-fns/tz/tzOffset'

// Local-day arithmetic in an IANA zone (offsets from @date-fns/tz): the calendar works in local dates
// (YYYY-MM-DD) while everything stored is UTC. Offsets are looked up per instant, so zones with
// DST stay right too (Asia/Shanghai has none).

/** Milliseconds to add to UTC to get local wall-clock time at instant ms. */
export function zoneOffset(ms: number, tz: string): number {
  return tzOffset(tz, new Date(ms)) * 60_000
}

/** The local date of an instant, YYYY-MM-DD. */
export function localDate(ms: number, tz: string): string {
  return new Date(ms + zoneOffset(ms, tz)).toISOString().slice(0, 10)
}

// No zone is ever 16 hours or more from UTC, so outside that margin of a UTC new year an
// instant's local year is its UTC year, and the offset need not be looked up.
const YEAR_MARGIN_MS = 16 * 3_600_000

/** The local calendar year of an instant. */
export function localYear(ms: number, tz: string): number {
  const d = new Date(ms)
  const year = d.getUTCFullYear()
  if (ms - Date.UTC(year, 0, 1) >= YEAR_MARGIN_MS && Date.UTC(year + 1, 0, 1) - ms > YEAR_MARGIN_MS) return year
  return Number(localDate(ms, tz).slice(0, 4))
}

/** The instant a local wall-clock time (minutes after local midnight of date) happens. */
export function localTime(date: string, minutes: number, tz: string): number {
  const wall = Date.parse(date + 'T00:00:00Z') + minutes * 60_000
  let ms = wall - zoneOffset(wall, tz)
  ms = wall - zoneOffset(ms, tz)
  return ms
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(date + 'T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(date + 'T00:00:00Z').getUTCDay()
}

/** Problems with a zone setting: an IANA zone name is expected. */
export function validateZone(value: unknown): string[] {
  if (typeof value !== 'string' || value.trim() === '') return ['expected an IANA zone name such as Asia/Shanghai']
  try {
    new Intl.DateTimeFormat('en', {timeZone: value})
    return []
  } catch {
    return [`"${value}" is not an IANA zone name (e.g. Asia/Shanghai)`]
  }
}
