import {type StatsRow, toStatsRows} from '../../domain/stats.js'
import {UsageError} from '../../errors.js'
import type {StatsDimension, StatsFilter, StatsQuery} from '../../store/stats.js'
import type {Store} from '../../store/store.js'
import {refreshDurations} from './durations.js'
import {storeZone} from '../store-zone.js'

export interface StatsOptions {
  by: StatsDimension[]
  filter: StatsFilter
  /** The zone to bucket and count in; the store's zone (store.timezone) when not given. */
  tz?: string
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
    throw new UsageError(`unknown time zone "${tz}"`, 'set store.timezone to an IANA zone such as Asia/Shanghai (board config import)')
  }
}

export async function computeStats(store: Store, opts: StatsOptions): Promise<StatsResult> {
  const tz = opts.tz ?? (await storeZone(store)).zone
  assertZone(tz)
  const q: StatsQuery = {by: opts.by, filter: opts.filter, tz, now: opts.now.toISOString()}
  await refreshDurations(store, tz, opts.onProgress)
  const groups = await store.stats.aggregate(q)
  return {by: opts.by, filter: opts.filter, tz, workingDays: true, rows: toStatsRows(groups)}
}
