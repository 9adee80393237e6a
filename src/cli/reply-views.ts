import {type Lang, translate} from '../i18n/translate.js'
import {localise} from './localise.js'
import type {CheckFinding} from '../domain/reply-check.js'
import {stripControls} from '../domain/sanitize.js'
import type {ReplyDetail} from '../services/replies/show.js'
import {renderTable} from './render.js'
import {formatTime} from './time-format.js'

export function renderReplyDetail(d: ReplyDetail, o: {tz: string; tty: boolean; color: boolean; lang?: Lang}): string {
  const t = (k: string, v?: Record<string, string | number>) => translate(o.lang ?? 'en', k, v)
  const status = (s: string) => t(`replyStatus.${s}`)
  const lines: string[] = []
  const cur = d.current
  if (!cur) lines.push(t('replyShow.none', {id: d.caseId}))
  else {
    lines.push(t('replyShow.head', {id: d.caseId, reply: cur.id, status: status(cur.status), author: cur.author}) + (cur.template ? t('replyShow.fromTemplate', {template: cur.template}) : ''))
    if (cur.approvedBy) lines.push(t('replyShow.approved', {actor: cur.approvedBy, at: formatTime(cur.approvedAt, o.tz)}))
    lines.push('', indent(stripControls(cur.body)), '', t('replyShow.versions'))
    lines.push(
      renderTable(
        cur.versions,
        [
          {header: t('col.version'), value: (v) => v.version},
          {header: t('col.time'), value: (v) => formatTime(v.createdAt, o.tz, true)},
          {header: t('col.author'), value: (v) => v.author},
          {header: t('col.text'), value: (v) => v.body, max: 50},
        ],
        o,
      ),
    )
    if (cur.attempts.length > 0) {
      lines.push('', t('replyShow.attempts'))
      lines.push(
        renderTable(
          cur.attempts,
          [
            {header: t('col.started'), value: (a) => formatTime(a.startedAt, o.tz, true)},
            {header: t('col.channel'), value: (a) => a.channel},
            {header: t('col.result'), value: (a) => (a.ok === null ? t('replyShow.unfinished') : a.ok ? 'ok' : t('replyShow.failed', {error: a.error ?? ''})), max: 60},
          ],
          o,
        ),
      )
    }
  }
  const earlier = d.history.filter((r) => r.id !== cur?.id)
  if (earlier.length > 0) {
    lines.push('', t('replyShow.earlier'))
    for (const r of earlier) lines.push(`- [${status(r.status)}] ${formatTime(r.sentAt ?? r.createdAt, o.tz)} ${r.author}${r.channel ? t('replyShow.via', {channel: r.channel}) : ''}`, indent(stripControls(r.body)))
  }
  return lines.join('\n')
}

export function renderFindings(caseId: number, findings: CheckFinding[], blocking: boolean, lang: Lang = 'en'): string {
  if (findings.length === 0) return translate(lang, 'check.passes', {id: caseId})
  const head = translate(lang, blocking ? 'check.blocking' : 'check.warnings', {id: caseId, n: findings.length})
  return [head, ...findings.map((f) => `  ${f.rule}: ${localise(lang, f.reason)}`)].join('\n')
}

function indent(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => '  ' + l)
    .join('\n')
}
