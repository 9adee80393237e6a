import {type StatsRow, toStatsRows} from '../domain/stats.js'
import {UsageError} from '../errors.js'
import type {StatsDimension, StatsFilter} from '../store/stats.js'
import type {Store} from '../store/store.js'

export interface StatsOptions {
  by: StatsDimension[]
  filter: StatsFilter
  tz: string
  now: Date
}

export interface StatsResult {
  by: StatsDimension[]
  filter: StatsFilter
  tz: string
  /**
   * Handling times are in calendar days. Working days need the official calendar (调休 included),
   * which board does not have yet; they are left out rather than guessed from Monday–Friday.
   */
  workingDays: false
  rows: StatsRow[]
}

export function assertZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en', {timeZone: tz})
  } catch {
    throw new UsageError(`unknown time zone "${tz}"`, 'set BOARD_TZ to an IANA zone such as Asia/Shanghai')
  }
}

export async function computeStats(store: Store, opts: StatsOptions): Promise<StatsResult> {
  assertZone(opts.tz)
  const groups = await store.stats.aggregate({by: opts.by, filter: opts.filter, tz: opts.tz, now: opts.now.toISOString()})
  return {by: opts.by, filter: opts.filter, tz: opts.tz, workingDays: false, rows: toStatsRows(groups)}
}
