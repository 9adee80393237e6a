import {localDate, localTime} from './sla/zone.js'

// Calendar periods (year, quarter, month) of the local calendar in a zone, as the instants they
// start at. Statistics put a case in its period by comparing its posting instant with these
// starts, which is right in every zone (daylight saving included) and cheaper per row than
// turning each timestamp into local text.

export type PeriodKind = 'year' | 'quarter' | 'month'

export interface PeriodStart {
  /** "2019", "2019-Q3" or "2019-07" */
  label: string
  /** epoch ms of the period's first local midnight */
  start: number
}

const pad = (n: number) => String(n).padStart(2, '0')

function label(kind: PeriodKind, year: number, month: number): string {
  if (kind === 'year') return String(year)
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`
  return `${year}-${pad(month)}`
}

/** The periods from the one holding `from` to the one holding `to` (inclusive), in order. */
export function periodStarts(kind: PeriodKind, from: number, to: number, tz: string): PeriodStart[] {
  const step = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1
  const first = localDate(from, tz)
  let year = Number(first.slice(0, 4))
  let month = kind === 'year' ? 1 : Math.floor((Number(first.slice(5, 7)) - 1) / step) * step + 1
  const out: PeriodStart[] = []
  for (;;) {
    const start = localTime(`${year}-${pad(month)}-01`, 0, tz)
    if (start > to && out.length > 0) return out
    out.push({label: label(kind, year, month), start})
    month += step
    if (month > 12) (month -= 12), year++
  }
}
