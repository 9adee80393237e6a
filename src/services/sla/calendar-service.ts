import {readFileSync} from 'node:fs'

import {dayInfo, type DayInfo, type HolidayYear, validateHolidayYear, datesBetween} from '../../domain/sla/calendar.js'
import {UsageError, ValidationError} from '../../errors.js'
import type {Store} from '../../store/store.js'
import {loadSlaContext} from './context.js'

export interface CalendarImportResult {
  year: number
  days: number
  replaced: boolean
}

/** Adds (or replaces) one year of holiday-cn JSON; run `board sla recompute` afterwards. */
export async function importCalendarYear(store: Store, file: string, opts: {actor: string; now: Date}): Promise<CalendarImportResult> {
  let doc: unknown
  try {
    doc = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'))
  } catch (error) {
    throw new UsageError(`cannot read ${file} as JSON: ${(error as Error).message}`, 'expected holiday-cn JSON, e.g. https://github.com/NateScarlet/holiday-cn')
  }
  const problems = validateHolidayYear(doc)
  if (problems.length > 0) throw new ValidationError(`${file}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  const year = doc as HolidayYear
  const replaced = (await store.sla.calendarYears()).some((y) => y.year === year.year)
  await store.sla.putCalendarYear({year: year.year, papers: year.papers ?? [], days: year.days}, opts)
  return {year: year.year, days: year.days.length, replaced}
}

export interface CalendarShowResult {
  year: number
  covered: boolean
  workingDays: number
  /** Days that differ from a plain Monday–Friday week: holidays and make-up workdays. */
  exceptions: DayInfo[]
}

export async function showCalendarYear(store: Store, year: number): Promise<CalendarShowResult> {
  const {calendar} = await loadSlaContext(store)
  let workingDays = 0
  const exceptions: DayInfo[] = []
  for (const d of datesBetween(`${year}-01-01`, `${year}-12-31`)) {
    const info = dayInfo(calendar, d)
    if (info.working) workingDays++
    if (info.kind === 'holiday' || info.kind === 'makeup') exceptions.push(info)
  }
  return {year, covered: calendar.years.has(year), workingDays, exceptions}
}
