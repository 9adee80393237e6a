import type {DurationAggregate, StatsAggregate, StatsDimension} from '../store/stats.js'

// Ratios from the store's raw counts. A ratio with nothing to divide by is null ("no data"),
// never 0, so a unit without deadlines is not shown as always late.

export interface StatsRow {
  key: Partial<Record<StatsDimension, string | null>>
  count: number
  /** of all cases matched by the filter */
  share: number
  repliedShare: number
  resolvedShare: number
  suggestionShare: number
  /** calendar days from posting to the first reply / to resolution */
  respondDays: DurationAggregate
  resolveDays: DurationAggregate
  /** the same in working days of the official calendar (weekends, holidays and 调休 applied), fractional */
  respondWorkingDays: DurationAggregate
  resolveWorkingDays: DurationAggregate
  satisfiedShare: number | null
  rated: number
  reopenRate: number
  onTime: {respond: number | null; resolve: number | null}
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null)

const NO_DURATIONS: DurationAggregate = {n: 0, mean: null, median: null, p90: null}

/** A group's identity: its key values in --by order (keys are built in that order). */
export const groupTuple = (key: StatsRow['key']): string => JSON.stringify(Object.values(key))

/** Working-day figures per group, by groupTuple. */
export type WorkingDayFigures = ReadonlyMap<string, {respond: DurationAggregate; resolve: DurationAggregate}>

/** The fraction-quantile with linear interpolation between neighbours (SQL percentile_cont); sorted ascending. */
export function percentileCont(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null
  const at = fraction * (sorted.length - 1)
  const lo = Math.floor(at)
  const hi = Math.ceil(at)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo)
}

/** n, mean, median and p90 of some durations, as the database computes them for calendar days. */
export function summariseDurations(values: readonly number[]): DurationAggregate {
  if (values.length === 0) return NO_DURATIONS
  const sorted = Float64Array.from(values).sort()
  const arr = Array.from(sorted)
  return {n: arr.length, mean: arr.reduce((a, b) => a + b, 0) / arr.length, median: percentileCont(arr, 0.5), p90: percentileCont(arr, 0.9)}
}

export function toStatsRows(groups: StatsAggregate[], working: WorkingDayFigures = new Map()): StatsRow[] {
  const total = groups.reduce((s, g) => s + g.count, 0)
  return groups.map((g) => ({
    key: g.key,
    count: g.count,
    share: ratio(g.count, total) ?? 0,
    repliedShare: ratio(g.replied, g.count) ?? 0,
    resolvedShare: ratio(g.resolved, g.count) ?? 0,
    suggestionShare: ratio(g.suggestions, g.count) ?? 0,
    respondDays: g.respondDays,
    resolveDays: g.resolveDays,
    respondWorkingDays: working.get(groupTuple(g.key))?.respond ?? NO_DURATIONS,
    resolveWorkingDays: working.get(groupTuple(g.key))?.resolve ?? NO_DURATIONS,
    satisfiedShare: ratio(g.satisfied, g.rated),
    rated: g.rated,
    reopenRate: ratio(g.reopened, g.count) ?? 0,
    onTime: {respond: ratio(g.respondOnTime, g.respondDue), resolve: ratio(g.resolveOnTime, g.resolveDue)},
  }))
}

/** "12.3%" or "–" */
export function percent(v: number | null, digits = 1): string {
  return v === null ? '–' : (v * 100).toFixed(digits) + '%'
}

/** "3.2" days or "–" */
export function days(v: number | null, digits = 1): string {
  return v === null ? '–' : v.toFixed(digits)
}

export function parseDimensions(raw: string | undefined, allowed: readonly StatsDimension[]): StatsDimension[] | string {
  if (!raw) return []
  const dims = raw.split(',').map((s) => s.trim()).filter(Boolean)
  const bad = dims.find((d) => !(allowed as readonly string[]).includes(d))
  if (bad) return bad
  return [...new Set(dims)] as StatsDimension[]
}
