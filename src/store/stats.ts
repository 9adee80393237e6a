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

export interface TopicCandidate {
  id: number
  title: string
  likes: number
}

/** A case whose stored handling times are missing: its instants (epoch ms). */
export interface PendingDurations {
  id: number
  postedAt: number
  respondedAt: number | null
  resolvedAt: number | null
}

/** Working days to store on a case; calendar days the store takes from the case itself. */
export interface CaseDurations {
  id: number
  respondWorkingDays: number | null
  resolveWorkingDays: number | null
}

export interface StatsRepository {
  aggregate(q: StatsQuery): Promise<StatsAggregate[]>
  /** What the stored working days were computed on (zone and calendar), or null if never. */
  durationBasis(): Promise<string | null>
  /** Records a new basis and forgets every stored duration computed on another one. */
  resetDurations(basis: string): Promise<void>
  /**
   * Cases after id `after` (in id order, at most limit) with a reply or resolution but no stored
   * durations. Inside a transaction they stay locked until it ends, so no write slips in between.
   */
  pendingDurations(after: number, limit: number): Promise<PendingDurations[]>
  /** Stores the cases' durations: working days as given, calendar days from their instants. */
  saveDurations(rows: CaseDurations[]): Promise<void>
  /** The most-liked titles in the filter (for hot-topic clustering), at most limit. */
  topTitles(filter: StatsFilter, limit: number): Promise<TopicCandidate[]>
}
