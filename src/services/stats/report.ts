import {type HotTopic, hotTopics} from '../../domain/hot-topics.js'
import {type StatsRow, toStatsRows} from '../../domain/stats.js'
import {localToUtc} from '../../import/check/dates.js'
import type {StatsDimension, StatsFilter} from '../../store/stats.js'
import type {Store} from '../../store/store.js'
import {assertZone} from './stats.js'
import {refreshDurations} from './durations.js'
import {storeZone} from '../store-zone.js'

// The yearly report's figures, gathered from store.stats; html.ts and markdown.ts only lay them out.

export interface YearFigures {
  year: number
  count: number
  respondMean: number | null
  respondMedian: number | null
  /** the same in working days of the official calendar */
  respondWorkingMean: number | null
  resolveMean: number | null
  suggestionShare: number | null
  satisfiedShare: number | null
  rated: number
  onTimeRespond: number | null
  onTimeResolve: number | null
}

export interface UnitFigures {
  unit: string | null
  count: number
  onTimeRespond: number | null
  onTimeResolve: number | null
  respondMean: number | null
}

export interface ReportData {
  year: number
  compare: number | null
  tz: string
  generatedAt: string
  /** the report year, then the comparison year when asked */
  summary: YearFigures[]
  /** cases per month of the report year, per category (the largest few; the rest as null = other) */
  monthly: {months: string[]; series: {category: string | null; counts: number[]}[]; compareTotals: number[] | null}
  /** every year in the store, for the trend charts */
  byYear: YearFigures[]
  /** units of the report year, best on-time rate first (the league table) */
  units: UnitFigures[]
  hotTopics: HotTopic[]
}

const TOP_CATEGORIES = 8

export function yearFilter(year: number, tz: string): StatsFilter {
  return {since: new Date(localToUtc(tz, year, 1, 1)).toISOString(), until: new Date(localToUtc(tz, year + 1, 1, 1)).toISOString()}
}

function figures(year: number, r: StatsRow | undefined): YearFigures {
  return {
    year,
    count: r?.count ?? 0,
    respondMean: r?.respondDays.mean ?? null,
    respondMedian: r?.respondDays.median ?? null,
    respondWorkingMean: r?.respondWorkingDays.mean ?? null,
    resolveMean: r?.resolveDays.mean ?? null,
    suggestionShare: r ? r.suggestionShare : null,
    satisfiedShare: r?.satisfiedShare ?? null,
    rated: r?.rated ?? 0,
    onTimeRespond: r?.onTime.respond ?? null,
    onTimeResolve: r?.onTime.resolve ?? null,
  }
}

export async function buildReport(store: Store, o: {year: number; compare?: number; tz?: string; now: Date}): Promise<ReportData> {
  // Years and months are the store's, whoever runs the report.
  const opts = {...o, tz: o.tz ?? (await storeZone(store)).zone}
  assertZone(opts.tz)
  await refreshDurations(store, opts.tz)
  const stats = async (by: StatsDimension[], filter: StatsFilter) =>
    toStatsRows(await store.stats.aggregate({by, filter, tz: opts.tz, now: opts.now.toISOString()}))
  const range = yearFilter(opts.year, opts.tz)
  const byYear = (await stats(['year'], {})).map((r) => figures(Number(r.key.year), r))
  const summaryYears = opts.compare === undefined ? [opts.year] : [opts.year, opts.compare]
  const summary = summaryYears.map((y) => byYear.find((f) => f.year === y) ?? figures(y, undefined))

  const months = Array.from({length: 12}, (_, i) => String(i + 1).padStart(2, '0'))
  const monthly = await stats(['month', 'category'], range)
  const totals = new Map<string | null, number>()
  for (const r of monthly) totals.set(r.key.category ?? null, (totals.get(r.key.category ?? null) ?? 0) + r.count)
  const top = [...totals.entries()].filter(([c]) => c !== null).sort((a, b) => b[1] - a[1]).slice(0, TOP_CATEGORIES).map(([c]) => c)
  const series = [...top, null].map((category) => ({category, counts: months.map(() => 0)}))
  for (const r of monthly) {
    const m = Number(r.key.month!.slice(5, 7)) - 1
    const s = series.find((x) => x.category === (top.includes(r.key.category ?? null) ? r.key.category : null))!
    s.counts[m] += r.count
  }
  let compareTotals: number[] | null = null
  if (opts.compare !== undefined) {
    compareTotals = months.map(() => 0)
    for (const r of await stats(['month'], yearFilter(opts.compare, opts.tz))) compareTotals[Number(r.key.month!.slice(5, 7)) - 1] += r.count
  }

  const units = (await stats(['unit'], range))
    .map((r) => ({unit: r.key.unit ?? null, count: r.count, onTimeRespond: r.onTime.respond, onTimeResolve: r.onTime.resolve, respondMean: r.respondDays.mean}))
    .sort((a, b) => (b.onTimeResolve ?? b.onTimeRespond ?? -1) - (a.onTimeResolve ?? a.onTimeRespond ?? -1) || b.count - a.count)

  const topics = hotTopics(await store.stats.topTitles(range, 3000), {top: 10})
  return {
    year: opts.year,
    compare: opts.compare ?? null,
    tz: opts.tz,
    generatedAt: opts.now.toISOString(),
    summary,
    monthly: {months, series: series.filter((s) => s.counts.some((n) => n > 0)), compareTotals},
    byYear,
    units,
    hotTopics: topics,
  }
}
