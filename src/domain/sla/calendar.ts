import {addDays, weekday} from './zone.js'

// The official working calendar: weekends, State Council holidays and make-up workdays (调休).
// Data is holiday-cn JSON, one file per year; a file may list days of the previous December
// (a make-up Saturday for New Year), so days are merged by date, not by file.

export interface HolidayDay {
  name: string
  date: string
  isOffDay: boolean
}

export interface HolidayYear {
  year: number
  papers?: string[]
  days: HolidayDay[]
}

export interface WorkingCalendar {
  tz: string
  /** Official exceptions by date: true = day off (holiday), false = make-up workday. */
  exceptions: ReadonlyMap<string, {off: boolean; name: string}>
  /** Years a State Council schedule was loaded for. */
  years: ReadonlySet<number>
  /** Working periods of a working day in minutes after midnight, e.g. [[540, 720], [810, 1050]]. */
  hours: ReadonlyArray<readonly [number, number]>
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup'

export interface DayInfo {
  date: string
  working: boolean
  kind: DayKind
  name?: string
  /** The year has no loaded schedule: Monday–Friday was assumed. */
  uncovered: boolean
}

export function buildCalendar(data: readonly HolidayYear[], opts: {tz?: string; hours?: ReadonlyArray<readonly [number, number]>} = {}): WorkingCalendar {
  const exceptions = new Map<string, {off: boolean; name: string}>()
  const years = new Set<number>()
  for (const y of [...data].sort((a, b) => a.year - b.year)) {
    // holiday-cn ships a placeholder file for a year whose notice is not out yet (no days of its
    // own): that year is not covered, and deadlines in it must say Monday–Friday was assumed.
    if (y.days.some((d) => d.date.startsWith(`${y.year}-`))) years.add(y.year)
    for (const d of y.days) exceptions.set(d.date, {off: d.isOffDay, name: d.name})
  }
  return {tz: opts.tz ?? 'Asia/Shanghai', exceptions, years, hours: opts.hours ?? []}
}

/** The year has a loaded State Council schedule; days of other years count Monday–Friday. */
export function yearCovered(cal: WorkingCalendar, year: number): boolean {
  return cal.years.has(year)
}

export function dayInfo(cal: WorkingCalendar, date: string): DayInfo {
  const uncovered = !yearCovered(cal, Number(date.slice(0, 4)))
  const ex = cal.exceptions.get(date)
  if (ex) return {date, working: !ex.off, kind: ex.off ? 'holiday' : 'makeup', name: ex.name, uncovered}
  const wd = weekday(date)
  const weekend = wd === 0 || wd === 6
  return {date, working: !weekend, kind: weekend ? 'weekend' : 'workday', uncovered}
}

export function lastCoveredYear(cal: WorkingCalendar): number | null {
  return cal.years.size === 0 ? null : Math.max(...cal.years)
}

/** Dates from..to inclusive. */
export function* datesBetween(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d
}

/** Problems in a holiday-cn document, each naming where. */
export function validateHolidayYear(doc: unknown): string[] {
  if (!doc || typeof doc !== 'object') return ['expected a holiday-cn JSON object with year and days']
  const o = doc as Record<string, unknown>
  const problems: string[] = []
  if (!Number.isInteger(o.year) || (o.year as number) < 1949 || (o.year as number) > 2200) problems.push('year: expected a year like 2027')
  if (!Array.isArray(o.days)) return [...problems, 'days: expected a list']
  o.days.forEach((d: unknown, i: number) => {
    const x = (d ?? {}) as Record<string, unknown>
    if (typeof x.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x.date) || Number.isNaN(Date.parse(x.date))) problems.push(`days[${i}].date: expected YYYY-MM-DD`)
    if (typeof x.isOffDay !== 'boolean') problems.push(`days[${i}].isOffDay: expected true or false`)
    if (typeof x.name !== 'string') problems.push(`days[${i}].name: expected text`)
  })
  return problems
}

/** "09:00-12:00" → [540, 720]. */
export function parseHours(text: string): [number, number] | undefined {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim())
  if (!m) return undefined
  const a = Number(m[1]) * 60 + Number(m[2])
  const b = Number(m[3]) * 60 + Number(m[4])
  return a < b && b <= 1440 ? [a, b] : undefined
}
