import stringWidth from 'string-width'

import {CASE_TYPE_ZH, type Case} from '../domain/case.js'
import {oneLine, stripControls} from '../domain/sanitize.js'
import type {Suggestion} from '../domain/suggest.js'
import {type Lang, translate} from '../i18n/translate.js'
import {formatTime} from './time-format.js'

/** Wraps text to a display width (CJK characters are two columns); at most maxLines lines. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  for (const para of stripControls(text).split(/\r?\n/)) {
    let line = ''
    let w = 0
    for (const ch of para.replace(/\s+/g, ' ').trim()) {
      const cw = stringWidth(ch)
      if (w + cw > width) lines.push(line), (line = ''), (w = 0)
      line += ch
      w += cw
    }
    if (line) lines.push(line)
  }
  return lines.length > maxLines ? [...lines.slice(0, maxLines), '…'] : lines
}

export function age(postedAt: string, now: Date, lang: Lang): string {
  const hours = Math.max(0, (now.getTime() - Date.parse(postedAt)) / 3_600_000)
  const [n, unit] = hours < 48 ? [Math.floor(hours), 'h'] : [Math.floor(hours / 24), 'd']
  return lang === 'zh' ? `${n} ${unit === 'h' ? '小时' : '天'}前` : `${n}${unit} ago`
}

const pct = (x: number) => `${Math.round(x * 100)}%`

// The domain states reasons in English (they also go into audit notes and --json); a clerk with a
// Chinese UI reads them in Chinese.
const ZH_REASONS: [RegExp, string][] = [
  [/ in title/g, '（标题）'],
  [/ in body/g, '（正文）'],
  [/^classifier (\d+%) \(next: (.+)\)$/, '分类器 $1（其次：$2）'],
  [/^classifier /, '分类器 '],
  [/^same author /, '同一用户 '],
  [/^text (\d+%) similar$/, '文本相似度 $1'],
  [/^no type keyword found$/, '未找到类型关键词'],
  [/^category already set$/, '已有分类'],
  [/^type already set$/, '已有类型'],
  [/^keyword /, '关键词 '],
  [/^category /, '分类 '],
  [/^region /, '地区 '],
  [/^rule (\d+) /, '规则 $1 '],
  [/^incident: (\d+) citizens within (\d+) min(?: at (\S+))?: /, '同一事件（$3）：$2 分钟内 $1 位市民：'],
]

export function localiseReason(reason: string, lang: Lang): string {
  return lang === 'zh' ? ZH_REASONS.reduce((r, [re, to]) => r.replace(re, to), reason) : reason
}

/** The message and what board suggests for it, as the clerk sees it (stderr, a terminal). */
export function renderCard(c: Case, s: Suggestion, o: {lang: Lang; tz: string; now: Date; width: number; remaining: number}): string {
  const t = (k: string, v?: Record<string, string | number>) => translate(o.lang, k, v)
  const width = Math.max(40, Math.min(o.width, 100))
  const out: string[] = []
  out.push('─'.repeat(width))
  out.push(`#${c.id}  ${oneLine(c.ref)}  ·  ${t('tri.remaining', {n: o.remaining})}`)
  out.push(`${t('col.title')}: ${oneLine(c.title)}`)
  out.push(`${t('col.author')}: ${oneLine(c.author ?? '-')}  ·  ${t('col.posted')}: ${formatTime(c.postedAt, o.tz)} (${age(c.postedAt, o.now, o.lang)})`)
  out.push('')
  out.push(...wrap(c.body, width - 2, 15).map((l) => '  ' + l))
  out.push('')
  out.push(t('tri.suggestions'))
  const line = (label: string, value: string, reasons: string[]) =>
    out.push(`  ${label}: ${value}${reasons.length ? '  ← ' + oneLine(reasons.map((r) => localiseReason(r, o.lang)).join('; '), 80) : ''}`)
  if (s.category) line(t('col.category'), `${s.category.value} ${pct(s.category.confidence)}`, s.category.reasons)
  else line(t('col.category'), '-', [t('tri.noModel')])
  line(t('col.type'), `${o.lang === 'zh' ? CASE_TYPE_ZH[s.type.value] : s.type.value} ${pct(s.type.confidence)}`, s.type.reasons)
  const flags = Object.entries(s.flags).filter(([, f]) => f.value)
  line(t('tri.urgency'), flags.map(([k]) => t(`tri.flag.${k}`)).join(', ') || '-', flags.flatMap(([, f]) => f.reasons))
  line(t('col.unit'), s.unit?.value ?? '-', s.unit?.reasons ?? [])
  for (const d of s.duplicates) out.push(`  ${t('tri.duplicate')}: #${d.id}  ${d.reasons.map((r) => localiseReason(r, o.lang)).join('; ')}`)
  return out.join('\n')
}
