// Local-day arithmetic in an IANA zone without a date library: the calendar works in local dates
// (YYYY-MM-DD) while everything stored is UTC. Offsets are looked up per instant, so zones with
// DST stay right too (Asia/Shanghai has none).

const fmt = new Map<string, Intl.DateTimeFormat>()

function formatter(tz: string): Intl.DateTimeFormat {
  let f = fmt.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    fmt.set(tz, f)
  }
  return f
}

/** Milliseconds to add to UTC to get local wall-clock time at instant ms. */
export function zoneOffset(ms: number, tz: string): number {
  const p: Record<string, number> = {}
  for (const part of formatter(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return wall - Math.floor(ms / 1000) * 1000
}

/** The local date of an instant, YYYY-MM-DD. */
export function localDate(ms: number, tz: string): string {
  return new Date(ms + zoneOffset(ms, tz)).toISOString().slice(0, 10)
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
