import {days, percent} from '../domain/stats.js'
import type {ReportData} from '../services/stats/report.js'

// Shared by the HTML and Markdown layouts so both show the same figures with the same words.

export const OTHER = '其他'
export const NO_UNIT = '（未交办）'

export const fmtPct = (v: number | null) => percent(v)
export const fmtDays = (v: number | null) => days(v)

export const SUMMARY_ROWS: {label: string; value: (f: ReportData['summary'][number]) => string}[] = [
  {label: '留言总数', value: (f) => String(f.count)},
  {label: '平均答复天数', value: (f) => fmtDays(f.respondMean)},
  {label: '答复天数中位数', value: (f) => fmtDays(f.respondMedian)},
  {label: '平均答复工作日', value: (f) => fmtDays(f.respondWorkingMean)},
  {label: '平均办结天数', value: (f) => fmtDays(f.resolveMean)},
  {label: '建言占比', value: (f) => fmtPct(f.suggestionShare)},
  {label: '满意率', value: (f) => (f.rated > 0 ? `${fmtPct(f.satisfiedShare)}（${f.rated} 条点评）` : '–')},
  {label: '按时答复率', value: (f) => fmtPct(f.onTimeRespond)},
  {label: '按时办结率', value: (f) => fmtPct(f.onTimeResolve)},
]

export function categoryLabel(c: string | null): string {
  return c ?? OTHER
}

export function title(d: ReportData): string {
  return `${d.year} 年度留言办理报告` + (d.compare !== null ? `（对比 ${d.compare} 年）` : '')
}
