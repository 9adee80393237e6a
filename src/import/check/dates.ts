import {tzOffset} from '@date-fns/tz/tzOffset'

// Exports mix `2019/4/5 9:03:01`, `2019-04-05 09:03:01`, ISO 8601 with an offset, bare dates and
// Excel serial numbers. Local times are read in the import's zone and stored as UTC.

const LOCAL = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6}))?)?)?$/
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i
const EXCEL = /^\d{4,6}(?:\.\d+)?$/
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

export class DateParseError extends Error {
  override name = 'DateParseError'
}

const offsetCaches = new Map<string, Map<number, number>>()

/** The zone's offset in minutes at a UTC instant, cached per zone and hour (offsets change on the hour). */
function offsetAt(tz: string, utcMs: number): number {
  let cache = offsetCaches.get(tz)
  if (!cache) offsetCaches.set(tz, (cache = new Map()))
  const hour = Math.floor(utcMs / 3_600_000)
  let off = cache.get(hour)
  if (off === undefined) {
    off = tzOffset(tz, new Date(utcMs))
    if (cache.size > 100_000) cache.clear()
    cache.set(hour, off)
  }
  return off
}

/** Wall-clock fields in tz → UTC milliseconds. Two passes settle the offset across a DST change. */
export function localToUtc(tz: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms)
  let utc = wall - offsetAt(tz, wall) * 60_000
  utc = wall - offsetAt(tz, utc) * 60_000
  return utc
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in a month of the proleptic Gregorian calendar (as Date.UTC counts them). */
function daysInMonth(y: number, mo: number): number {
  return mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1]
}

export function parseTimestamp(raw: string, tz: string): string {
  const s = raw.trim()
  if (s === '') throw new DateParseError('empty date')
  const m = LOCAL.exec(s)
  if (m) {
    // Field by field, without arrays or Date objects: a million-row import parses a million of these.
    const y = Number(m[1])
    const mo = Number(m[2])
    const d = Number(m[3])
    const h = m[4] === undefined ? 0 : Number(m[4])
    const mi = m[5] === undefined ? 0 : Number(m[5])
    const sec = m[6] === undefined ? 0 : Number(m[6])
    const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) throw new DateParseError(`not a valid date: "${raw}"`)
    return new Date(localToUtc(tz, y, mo, d, h, mi, sec, ms)).toISOString()
  }
  if (ZONED.test(s)) {
    const t = Date.parse(s)
    if (Number.isNaN(t)) throw new DateParseError(`not a valid date: "${raw}"`)
    return new Date(t).toISOString()
  }
  if (EXCEL.test(s)) {
    // Excel serials count days from 1899-12-30 in local wall time; 25569 is 1970-01-01.
    const serial = Number(s)
    if (serial < 1 || serial > 2_958_465) throw new DateParseError(`not a valid date: "${raw}"`)
    const wall = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000))
    return new Date(
      localToUtc(tz, wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()),
    ).toISOString()
  }
  throw new DateParseError(`not a recognised date: "${raw}"`)
}
