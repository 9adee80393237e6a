import {type Case, CASE_STATUS_ZH, CASE_TYPE_ZH, type CaseEvent, type Reply} from '../domain/case.js'
import {oneLine, stripControls} from '../domain/sanitize.js'
import type {Lang} from '../i18n/translate.js'
import {translate} from '../i18n/translate.js'
import {type Column, renderTable} from './render.js'
import {formatTime} from './time-format.js'

export interface ViewOpts {
  lang: Lang
  tz: string
  tty: boolean
  color: boolean
}

const label = (lang: Lang, key: string) => translate(lang, key)

export function caseColumns(o: ViewOpts): Column<Case>[] {
  return [
    {header: label(o.lang, 'col.id'), value: (c) => c.id},
    {header: label(o.lang, 'col.ref'), value: (c) => c.ref},
    {header: label(o.lang, 'col.posted'), value: (c) => formatTime(c.postedAt, o.tz)},
    {header: label(o.lang, 'col.title'), value: (c) => c.title, max: 30},
    {header: label(o.lang, 'col.category'), value: (c) => c.category},
    {header: label(o.lang, 'col.status'), value: (c) => (o.lang === 'zh' ? CASE_STATUS_ZH[c.status] : c.status)},
    {header: label(o.lang, 'col.unit'), value: (c) => c.unit},
    {header: label(o.lang, 'col.handler'), value: (c) => c.handler},
  ]
}

export function renderCaseList(cases: Case[], o: ViewOpts): string {
  return renderTable(cases, caseColumns(o), o)
}

export function renderCaseDetail(c: Case, replies: Reply[], events: CaseEvent[], o: ViewOpts & {mergedFrom?: number[]}): string {
  const L = (k: string) => label(o.lang, k)
  const type = c.type ? (o.lang === 'zh' ? CASE_TYPE_ZH[c.type] : c.type) : ''
  const flags = Object.entries(c.flags).filter(([, v]) => v).map(([k]) => k).join(', ')
  const lines = [
    `#${c.id}  ${oneLine(c.title)}`,
    `${L('col.ref')}: ${oneLine(c.source)}/${oneLine(c.ref)}   ${L('col.posted')}: ${formatTime(c.postedAt, o.tz)}   ${L('col.author')}: ${oneLine(c.author ?? '')}`,
    `${L('col.status')}: ${o.lang === 'zh' ? CASE_STATUS_ZH[c.status] : c.status}   ${L('col.category')}: ${oneLine(c.category ?? '')}   ${L('col.type')}: ${type}${flags ? '   [' + flags + ']' : ''}`,
    `${L('col.unit')}: ${oneLine(c.unit ?? '')}   ${L('col.handler')}: ${oneLine(c.handler ?? '')}   ${L('col.replied')}: ${formatTime(c.respondedAt, o.tz)}` +
      (c.resolvedAt ? `   ${L('col.resolved')}: ${formatTime(c.resolvedAt, o.tz)}` : ''),
  ]
  if (c.respondDueAt || c.resolveDueAt) lines.push(translate(o.lang, 'show.deadlines', {respond: formatTime(c.respondDueAt, o.tz), resolve: formatTime(c.resolveDueAt, o.tz)}))
  if (c.mergedInto) lines.push(translate(o.lang, 'show.mergedInto', {id: c.mergedInto}))
  if (o.mergedFrom && o.mergedFrom.length > 0) lines.push(translate(o.lang, 'show.mergedFrom', {ids: o.mergedFrom.map((id) => '#' + id).join(', ')}))
  lines.push('', `${L('show.body')}:`, indent(stripControls(c.body)))
  if (replies.length > 0) {
    lines.push('', `${L('show.replies')}:`)
    for (const r of replies) lines.push(`- [${r.status}] ${formatTime(r.sentAt ?? r.createdAt, o.tz)} ${oneLine(r.author)}`, indent(stripControls(r.body)))
  }
  lines.push('', `${L('show.history')}:`)
  const cols: Column<CaseEvent>[] = [
    {header: L('col.time'), value: (e) => formatTime(e.at, o.tz, true)},
    {header: L('col.actor'), value: (e) => e.actor},
    {header: L('col.action'), value: (e) => e.action},
    {header: L('col.detail'), value: (e) => (e.after ? JSON.stringify(e.after) : ''), max: 60},
  ]
  lines.push(renderTable(events, cols, o))
  return lines.join('\n')
}

function indent(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => '  ' + l)
    .join('\n')
}
