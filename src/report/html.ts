import {formatTime} from '../cli/time-format.js'
import type {ReportData} from '../services/stats/report.js'
import {escapeHtml as e, scriptJson} from './escape.js'
import {categoryLabel, fmtDays, fmtPct, NO_UNIT, SUMMARY_ROWS, title} from './labels.js'

// One self-contained page: the figures as JSON, Chart.js inlined, a small script drawing the charts.
// Tables carry the same figures so the page still says everything when printed in black and white.

const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
h1{font-size:1.6rem;border-bottom:2px solid #b22;padding-bottom:.4rem}h2{font-size:1.2rem;margin-top:2rem;color:#b22}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.chart{position:relative;height:320px;margin:1rem 0}
.note{color:#666;font-size:.85rem}
@media print{body{margin:0;max-width:none}.chart{height:260px;break-inside:avoid}section{break-inside:avoid}h2{break-after:avoid}}
`

const CHARTS = `
const d = JSON.parse(document.getElementById('report-data').textContent);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.devicePixelRatio = Math.max(2, window.devicePixelRatio || 1);
const palette = ['#c0392b','#2980b9','#27ae60','#8e44ad','#d35400','#16a085','#2c3e50','#f39c12','#7f8c8d'];
const years = d.byYear.map(y => String(y.year));
const pct = v => v === null ? null : Math.round(v * 1000) / 10;
const draw = (id, config) => new Chart(document.getElementById(id), config);
const monthly = d.monthly.series.map((s, i) => ({type: 'bar', label: s.label, data: s.counts, backgroundColor: palette[i % palette.length], stack: 'y'}));
if (d.monthly.compareTotals) monthly.push({type: 'line', label: d.compare + ' 年合计', data: d.monthly.compareTotals, borderColor: '#000', stack: 'c'});
draw('chart-monthly', {data: {labels: d.monthly.months.map(m => Number(m) + '月'), datasets: monthly}, options: {scales: {x: {stacked: true}, y: {stacked: true, title: {display: true, text: '留言数'}}}}});
draw('chart-days', {type: 'bar', data: {labels: years, datasets: [
  {label: '平均答复天数', data: d.byYear.map(y => y.respondMean), backgroundColor: '#2980b9'},
  {label: '答复天数中位数', data: d.byYear.map(y => y.respondMedian), backgroundColor: '#85c1e9'},
  {label: '平均办结天数', data: d.byYear.map(y => y.resolveMean), backgroundColor: '#c0392b'}]}, options: {scales: {y: {title: {display: true, text: '天'}}}}});
draw('chart-suggestion', {type: 'line', data: {labels: years, datasets: [{label: '建言占比 (%)', data: d.byYear.map(y => pct(y.suggestionShare)), borderColor: '#27ae60', backgroundColor: '#27ae60'}]}, options: {scales: {y: {beginAtZero: true, title: {display: true, text: '%'}}}}});
draw('chart-satisfaction', {type: 'bar', data: {labels: years, datasets: [{label: '满意率 (%)', data: d.byYear.map(y => pct(y.satisfiedShare)), backgroundColor: '#8e44ad'}]}, options: {scales: {y: {beginAtZero: true, max: 100, title: {display: true, text: '%'}}}}});
draw('chart-units', {type: 'bar', data: {labels: d.units.map(u => u.label), datasets: [
  {label: '按时答复率 (%)', data: d.units.map(u => pct(u.onTimeRespond)), backgroundColor: '#2980b9'},
  {label: '按时办结率 (%)', data: d.units.map(u => pct(u.onTimeResolve)), backgroundColor: '#c0392b'}]}, options: {indexAxis: 'y', scales: {x: {beginAtZero: true, max: 100}}}});
draw('chart-topics', {type: 'bar', data: {labels: d.hotTopics.map(t => t.short), datasets: [{label: '热度（留言数 + √点赞数）', data: d.hotTopics.map(t => t.weight), backgroundColor: '#d35400'}]}, options: {indexAxis: 'y'}});
`

function table(head: string[], rows: (string | number)[][], numeric: boolean[] = []): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${e(h)}</th>`).join('')
  const tr = rows.map((r) => '<tr>' + r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${e(c)}</td>`).join('') + '</tr>').join('\n')
  return `<table><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`
}

const chart = (id: string, label: string) => `<div class="chart"><canvas id="${id}" role="img" aria-label="${e(label)}"></canvas></div>`

export function renderHtml(d: ReportData, chartJs: string): string {
  const units = d.units.slice(0, 20)
  const chartData = {
    ...d,
    monthly: {...d.monthly, series: d.monthly.series.map((s) => ({label: categoryLabel(s.category), counts: s.counts}))},
    units: units.map((u) => ({...u, label: u.unit ?? NO_UNIT})),
    hotTopics: d.hotTopics.map((t) => ({weight: Math.round(t.weight * 10) / 10, short: [...t.label].length > 18 ? [...t.label].slice(0, 17).join('') + '…' : t.label})),
  }
  const summaryHead = ['指标', ...d.summary.map((f) => `${f.year} 年`)]
  const numeric = summaryHead.map((_, i) => i > 0)
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title(d))}</title><style>${CSS}</style></head><body>
<h1>${e(title(d))}</h1>
<p class="note">生成时间 ${e(formatTime(d.generatedAt, d.tz))}（时区 ${e(d.tz)}）。办理天数为自然日（自留言至首次答复 / 办结）；工作日按国务院办公厅公布的节假日安排计（含调休）。</p>
<section><h2>概览</h2>${table(summaryHead, SUMMARY_ROWS.map((r) => [r.label, ...d.summary.map(r.value)]), numeric)}</section>
<section><h2>${d.year} 年各月留言量（按分类）</h2>${chart('chart-monthly', '各月留言量')}
${table(['分类', ...d.monthly.months.map((m) => `${Number(m)}月`)], d.monthly.series.map((s) => [categoryLabel(s.category), ...s.counts]), [false, ...d.monthly.months.map(() => true)])}</section>
<section><h2>历年平均办理天数</h2>${chart('chart-days', '历年平均办理天数')}
${table(['年份', '留言数', '平均答复天数', '答复天数中位数', '平均答复工作日', '平均办结天数'], d.byYear.map((y) => [y.year, y.count, fmtDays(y.respondMean), fmtDays(y.respondMedian), fmtDays(y.respondWorkingMean), fmtDays(y.resolveMean)]), [false, true, true, true, true, true])}</section>
<section><h2>历年建言占比</h2>${chart('chart-suggestion', '历年建言占比')}</section>
<section><h2>满意度</h2>${chart('chart-satisfaction', '历年满意率')}
${table(['年份', '点评数', '满意率'], d.byYear.map((y) => [y.year, y.rated, fmtPct(y.satisfiedShare)]), [false, true, true])}</section>
<section><h2>${d.year} 年各单位按时办理排行</h2>${chart('chart-units', '各单位按时率')}
${table(['名次', '单位', '留言数', '按时答复率', '按时办结率', '平均答复天数'], units.map((u, i) => [i + 1, u.unit ?? NO_UNIT, u.count, fmtPct(u.onTimeRespond), fmtPct(u.onTimeResolve), fmtDays(u.respondMean)]), [true, false, true, true, true, true])}</section>
<section><h2>${d.year} 年热点问题</h2>${chart('chart-topics', '热点问题')}
${table(['排名', '代表性留言主题', '留言数', '点赞数', '热度'], d.hotTopics.map((t, i) => [i + 1, t.label, t.count, t.likes, t.weight.toFixed(1)]), [true, false, true, true, true])}
<p class="note">热点：主题字符相近的留言归为一类，按留言数与点赞数排序。</p></section>
<script type="application/json" id="report-data">${scriptJson(chartData)}</script>
<script>${chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>${CHARTS}</script>
</body></html>
`
}
