// Aggregates over cases, computed by the database: a store of millions of cases must never be
// loaded into memory to count it.

export const STATS_DIMENSIONS = ['year', 'quarter', 'month', 'category', 'type', 'region', 'unit', 'handler', 'status'] as const
export type StatsDimension = (typeof STATS_DIMENSIONS)[number]

export interface StatsFilter {
  /** posted at or after (UTC ISO) */
  since?: string
  /** posted before (UTC ISO) */
  until?: string
  /** unit code or name */
  unit?: string
  category?: string
}

export interface StatsQuery {
  by: StatsDimension[]
  filter: StatsFilter
  /** Zone for year/quarter/month of posting. */
  tz: string
  /** UTC ISO "now": an open stage whose deadline has passed counts as late. */
  now: string
}

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
  /** reopened at some point (a reopen event) or rated unsatisfied */
  reopened: number
  respondDays: DurationAggregate
  resolveDays: DurationAggregate
  /** cases with a respond deadline that is met or missed (done, or overdue by now), and those met */
  respondDue: number
  respondOnTime: number
  resolveDue: number
  resolveOnTime: number
}

export interface TopicCandidate {
  id: number
  title: string
  likes: number
}

/** One case's group key and handling instants (epoch ms), for measures the database cannot take. */
export interface HandlingTimes {
  key: Partial<Record<StatsDimension, string | null>>
  postedAt: number
  respondedAt: number | null
  resolvedAt: number | null
}

export interface StatsRepository {
  aggregate(q: StatsQuery): Promise<StatsAggregate[]>
  /**
   * Visits the group key and handling instants of every case in the filter that has a reply or a
   * resolution, in pages, so a store of millions of cases is never held in memory at once.
   */
  handlingTimes(q: StatsQuery, visit: (c: HandlingTimes) => void): Promise<void>
  /** The most-liked titles in the filter (for hot-topic clustering), at most limit. */
  topTitles(filter: StatsFilter, limit: number): Promise<TopicCandidate[]>
}
