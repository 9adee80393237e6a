import {type StatsRow, toStatsRows} from '../domain/stats.js'
import {UsageError} from '../errors.js'
import type {StatsDimension, StatsFilter, StatsQuery} from '../store/stats.js'
import type {Store} from '../store/store.js'
import {refreshDurations} from './stats-durations.js'

export interface StatsOptions {
  by: StatsDimension[]
  filter: StatsFilter
  tz: string
  now: Date
  /** Called while stored handling times are being computed (the first run over a big store). */
  onProgress?: (done: number) => void
}

export interface StatsResult {
  by: StatsDimension[]
  filter: StatsFilter
  tz: string
  /**
   * Handling times come in calendar days (respondDays, resolveDays) and in working days of the
   * State Council calendar, bundled and imported years (respondWorkingDays, resolveWorkingDays).
   */
  workingDays: true
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
  const q: StatsQuery = {by: opts.by, filter: opts.filter, tz: opts.tz, now: opts.now.toISOString()}
  await refreshDurations(store, opts.tz, opts.onProgress)
  const groups = await store.stats.aggregate(q)
  return {by: opts.by, filter: opts.filter, tz: opts.tz, workingDays: true, rows: toStatsRows(groups)}
}
