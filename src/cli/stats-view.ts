import {stringify} from 'csv-stringify/sync'

import {CASE_STATUS_ZH, CASE_TYPE_ZH, type CaseStatus, type CaseType} from '../domain/case.js'
import {neutraliseFormula} from '../domain/sanitize.js'
import {days, percent, type StatsRow} from '../domain/stats.js'
import type {StatsResult} from '../services/stats/stats.js'
import type {DurationAggregate, StatsDimension} from '../store/stats.js'
import type {Lang} from '../i18n/translate.js'
import {type Column, renderTable} from './render.js'

// How `board stats` shows its rows: one metric list drives the table, the CSV and the chart.

export interface Metric {
  id: string
  en: string
  zh: string
  value: (r: StatsRow) => number | null
  format: (v: number | null) => string
}

const count = (v: number | null) => (v === null ? '–' : String(v))
const pct = (v: number | null) => percent(v)
const day = (v: number | null) => days(v)

/** Mean, median and p90 of one handling time; the median and p90 columns follow the mean's. */
function durationMetrics(id: string, en: string, zh: string, pick: (r: StatsRow) => DurationAggregate): Metric[] {
  return [
    {id: `${id}-mean`, en: `${en} mean`, zh: `${zh}均值`, value: (r) => pick(r).mean, format: day},
    {id: `${id}-median`, en: 'median', zh: '中位数', value: (r) => pick(r).median, format: day},
    {id: `${id}-p90`, en: 'p90', zh: 'P90', value: (r) => pick(r).p90, format: day},
  ]
}

export const METRICS: Metric[] = [
  {id: 'count', en: 'Count', zh: '数量', value: (r) => r.count, format: count},
  {id: 'share', en: 'Share', zh: '占比', value: (r) => r.share, format: pct},
  {id: 'replied', en: 'Replied', zh: '答复率', value: (r) => r.repliedShare, format: pct},
  ...durationMetrics('respond', 'Reply days', '答复天数', (r) => r.respondDays),
  ...durationMetrics('resolve', 'Resolve days', '办结天数', (r) => r.resolveDays),
  ...durationMetrics('respond-wdays', 'Reply wdays', '答复工作日', (r) => r.respondWorkingDays),
  ...durationMetrics('resolve-wdays', 'Resolve wdays', '办结工作日', (r) => r.resolveWorkingDays),
  {id: 'satisfied', en: 'Satisfied', zh: '满意率', value: (r) => r.satisfiedShare, format: pct},
  {id: 'reopen', en: 'Reopened', zh: '重办率', value: (r) => r.reopenRate, format: pct},
  {id: 'suggestion', en: 'Suggestions', zh: '建言占比', value: (r) => r.suggestionShare, format: pct},
  {id: 'respond-on-time', en: 'Replied on time', zh: '按时答复率', value: (r) => r.onTime.respond, format: pct},
  {id: 'resolve-on-time', en: 'Resolved on time', zh: '按时办结率', value: (r) => r.onTime.resolve, format: pct},
]

export const METRIC_IDS = METRICS.map((m) => m.id)

/** What a terminal shows without --wide: the figures people read first, in about 80 columns. */
export const COMPACT_METRICS = ['count', 'share', 'replied', 'respond-mean', 'resolve-mean', 'satisfied', 'resolve-on-time']

const DIMENSION_NAMES: Record<StatsDimension, {en: string; zh: string}> = {
  year: {en: 'Year', zh: '年份'},
  quarter: {en: 'Quarter', zh: '季度'},
  month: {en: 'Month', zh: '月份'},
  category: {en: 'Category', zh: '分类'},
  type: {en: 'Type', zh: '类型'},
  region: {en: 'Region', zh: '地区'},
  unit: {en: 'Unit', zh: '单位'},
  handler: {en: 'Handler', zh: '办理人'},
  status: {en: 'Status', zh: '状态'},
}

export function dimensionName(d: StatsDimension, lang: Lang): string {
  return DIMENSION_NAMES[d][lang]
}

/** A group's value for one dimension as people read it (Chinese type and status names in zh). */
export function keyLabel(d: StatsDimension, v: string | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || v === '') return lang === 'zh' ? '（未填）' : '(none)'
  if (lang === 'zh' && d === 'type') return CASE_TYPE_ZH[v as CaseType] ?? v
  if (lang === 'zh' && d === 'status') return CASE_STATUS_ZH[v as CaseStatus] ?? v
  return v
}

/** On a terminal, the compact metrics unless wide; piped, every metric (complete TSV). */
export function renderStatsTable(result: StatsResult, opts: {lang: Lang; tty: boolean; color: boolean; wide?: boolean}): string {
  const metrics = opts.tty && !opts.wide ? METRICS.filter((m) => COMPACT_METRICS.includes(m.id)) : METRICS
  const columns: Column<StatsRow>[] = [
    ...result.by.map((d) => ({header: dimensionName(d, opts.lang), value: (r: StatsRow) => keyLabel(d, r.key[d], opts.lang), max: 20})),
    ...metrics.map((m) => ({header: m[opts.lang], value: (r: StatsRow) => m.format(m.value(r))})),
  ]
  return renderTable(result.rows, columns, opts)
}

/** Raw numbers (ratios 0–1, days with decimals) for spreadsheets; text cells cannot run as formulas. */
export function statsCsv(result: StatsResult): string {
  const header = [...result.by, ...METRICS.map((m) => m.id.replace(/-/g, '_'))]
  const rows = result.rows.map((r) => [
    ...result.by.map((d) => neutraliseFormula(r.key[d] ?? '')),
    ...METRICS.map((m) => {
      const v = m.value(r)
      return v === null ? '' : String(Number.isInteger(v) ? v : Number(v.toFixed(6)))
    }),
  ])
  return stringify([header, ...rows])
}
