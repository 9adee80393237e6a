import {groupTuple, type StatsRow, summariseDurations, toStatsRows, type WorkingDayFigures} from '../domain/stats.js'
import {WorkingDaysMeter} from '../domain/sla/working-days-between.js'
import {UsageError} from '../errors.js'
import type {StatsDimension, StatsFilter, StatsQuery} from '../store/stats.js'
import type {Store} from '../store/store.js'
import {loadSlaContext} from './sla/context.js'

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
  const groups = await store.stats.aggregate(q)
  const working = await workingDayFigures(store, q)
  return {by: opts.by, filter: opts.filter, tz: opts.tz, workingDays: true, rows: toStatsRows(groups, working)}
}

// Working days need the calendar, which SQL does not have: the store hands over only the key and
// instants of each handled case, and the service keeps plain numbers per group.
async function workingDayFigures(store: Store, q: StatsQuery): Promise<WorkingDayFigures> {
  const {calendar} = await loadSlaContext(store, q.tz)
  const meter = new WorkingDaysMeter(calendar)
  const perGroup = new Map<string, {respond: number[]; resolve: number[]}>()
  await store.stats.handlingTimes(q, (c) => {
    const tuple = groupTuple(c.key)
    let g = perGroup.get(tuple)
    if (!g) perGroup.set(tuple, (g = {respond: [], resolve: []}))
    if (c.respondedAt !== null) g.respond.push(meter.between(c.postedAt, c.respondedAt))
    if (c.resolvedAt !== null) g.resolve.push(meter.between(c.postedAt, c.resolvedAt))
  })
  const out = new Map<string, {respond: ReturnType<typeof summariseDurations>; resolve: ReturnType<typeof summariseDurations>}>()
  for (const [tuple, g] of perGroup) out.set(tuple, {respond: summariseDurations(g.respond), resolve: summariseDurations(g.resolve)})
  return out
}
