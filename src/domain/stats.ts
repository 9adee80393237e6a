import type {DurationAggregate, StatsAggregate, StatsDimension} from './stats-aggregate.js'

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


/** A group's identity: its key values in --by order (keys are built in that order). */
export const groupTuple = (key: StatsRow['key']): string => JSON.stringify(Object.values(key))

export function toStatsRows(groups: StatsAggregate[]): StatsRow[] {
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
    respondWorkingDays: g.respondWorkingDays,
    resolveWorkingDays: g.resolveWorkingDays,
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
