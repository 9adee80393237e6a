import {oneLine} from '../domain/sanitize.js'
import {formatTime} from '../cli/time-format.js'
import type {ReportData} from '../services/stats/report.js'
import {escapeHtml} from './escape.js'
import {categoryLabel, fmtDays, fmtPct, NO_UNIT, SUMMARY_ROWS, title} from './labels.js'

// The same figures as the HTML report, as Markdown tables for an email body. Markdown passes raw
// HTML through, so citizen text is HTML-escaped and its pipes and emphasis marks are escaped too.

function cell(v: string | number): string {
  return escapeHtml(oneLine(String(v))).replace(/([|\\`*_[\]#])/g, '\\$1')
}

function table(head: string[], rows: (string | number)[][]): string {
  const align = head.map((_, i) => (i === 0 ? '---' : '---:'))
  return [head, align, ...rows].map((r, i) => '| ' + (i === 1 ? r.join(' | ') : r.map(cell).join(' | ')) + ' |').join('\n')
}

export function renderMarkdown(d: ReportData): string {
  const units = d.units.slice(0, 20)
  return [
    `# ${title(d)}`,
    '',
    `生成时间 ${formatTime(d.generatedAt, d.tz)}（时区 ${d.tz}）。办理天数为自然日（自留言至首次答复 / 办结）。`,
    '',
    '## 概览',
    '',
    table(['指标', ...d.summary.map((f) => `${f.year} 年`)], SUMMARY_ROWS.map((r) => [r.label, ...d.summary.map(r.value)])),
    '',
    `## ${d.year} 年各月留言量（按分类）`,
    '',
    table(['分类', ...d.monthly.months.map((m) => `${Number(m)}月`)], [
      ...d.monthly.series.map((s) => [categoryLabel(s.category), ...s.counts]),
      ...(d.monthly.compareTotals ? [[`${d.compare} 年合计`, ...d.monthly.compareTotals]] : []),
    ]),
    '',
    '## 历年办理天数、建言占比与满意率',
    '',
    table(
      ['年份', '留言数', '平均答复天数', '答复天数中位数', '平均答复工作日', '平均办结天数', '建言占比', '满意率'],
      d.byYear.map((y) => [y.year, y.count, fmtDays(y.respondMean), fmtDays(y.respondMedian), fmtDays(y.respondWorkingMean), fmtDays(y.resolveMean), fmtPct(y.suggestionShare), fmtPct(y.satisfiedShare)]),
    ),
    '',
    `## ${d.year} 年各单位按时办理排行`,
    '',
    table(
      ['名次', '单位', '留言数', '按时答复率', '按时办结率', '平均答复天数'],
      units.map((u, i) => [i + 1, u.unit ?? NO_UNIT, u.count, fmtPct(u.onTimeRespond), fmtPct(u.onTimeResolve), fmtDays(u.respondMean)]),
    ),
    '',
    `## ${d.year} 年热点问题`,
    '',
    table(['排名', '代表性留言主题', '留言数', '点赞数', '热度'], d.hotTopics.map((t, i) => [i + 1, t.label, t.count, t.likes, t.weight.toFixed(1)])),
    '',
  ].join('\n')
}
