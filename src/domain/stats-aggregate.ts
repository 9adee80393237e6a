// The shape of the store's per-group aggregates. The domain derives ratios from them
// (src/domain/stats.ts), and each store backend fills them, so the types live here, in the
// innermost layer, and the store re-exports them.

export const STATS_DIMENSIONS = ['year', 'quarter', 'month', 'category', 'type', 'region', 'unit', 'handler', 'status'] as const
export type StatsDimension = (typeof STATS_DIMENSIONS)[number]

/** Days between two moments of a case, over the cases where both exist. */
export interface DurationAggregate {
  n: number
  mean: number | null
  median: number | null
  p90: number | null
}

/** Raw counts for one group; ratios are derived in src/domain/stats.ts. */
export interface StatsAggregate {
  key: Partial<Record<StatsDimension, string | null>>
  count: number
  replied: number
  resolved: number
  suggestions: number
  /** cases with at least one rating, and those whose latest rating was satisfied */
  rated: number
  satisfied: number
  /** set to reopened at some point, or rated unsatisfied */
  reopened: number
  respondDays: DurationAggregate
  resolveDays: DurationAggregate
  /** in working days, from the durations stored on each case (see StatsRepository.saveDurations) */
  respondWorkingDays: DurationAggregate
  resolveWorkingDays: DurationAggregate
  /** cases with a respond deadline that is met or missed (done, or overdue by now), and those met */
  respondDue: number
  respondOnTime: number
  resolveDue: number
  resolveOnTime: number
}
