// Aggregates over cases, computed by the database: a store of millions of cases must never be
// loaded into memory to count it.

import type {StatsAggregate, StatsDimension} from '../domain/stats-aggregate.js'

export {type DurationAggregate, type StatsAggregate, STATS_DIMENSIONS, type StatsDimension} from '../domain/stats-aggregate.js'

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
