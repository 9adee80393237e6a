import {type Lang, translate} from '../i18n/translate.js'
import {localise} from './localise.js'
import type {CheckFinding} from '../domain/reply-check.js'
import {stripControls} from '../domain/sanitize.js'
import type {ReplyDetail} from '../services/replies/show.js'
import {renderTable} from './render.js'
import {formatTime} from './time-format.js'

export function renderReplyDetail(d: ReplyDetail, o: {tz: string; tty: boolean; color: boolean}): string {
  const lines: string[] = []
  const cur = d.current
  if (!cur) lines.push(`case ${d.caseId}: no reply in progress`)
  else {
    lines.push(`case ${d.caseId}: reply ${cur.id} [${cur.status}] by ${cur.author}${cur.template ? `, from template ${cur.template}` : ''}`)
    if (cur.approvedBy) lines.push(`approved by ${cur.approvedBy} at ${formatTime(cur.approvedAt, o.tz)}`)
    lines.push('', indent(stripControls(cur.body)), '', 'Versions:')
    lines.push(
      renderTable(
        cur.versions,
        [
          {header: 'Version', value: (v) => v.version},
          {header: 'Time', value: (v) => formatTime(v.createdAt, o.tz, true)},
          {header: 'Author', value: (v) => v.author},
          {header: 'Text', value: (v) => v.body, max: 50},
        ],
        o,
      ),
    )
    if (cur.attempts.length > 0) {
      lines.push('', 'Send attempts:')
      lines.push(
        renderTable(
          cur.attempts,
          [
            {header: 'Started', value: (a) => formatTime(a.startedAt, o.tz, true)},
            {header: 'Channel', value: (a) => a.channel},
            {header: 'Result', value: (a) => (a.ok === null ? 'unfinished' : a.ok ? 'ok' : `failed: ${a.error}`), max: 60},
          ],
          o,
        ),
      )
    }
  }
  const earlier = d.history.filter((r) => r.id !== cur?.id)
  if (earlier.length > 0) {
    lines.push('', 'Earlier replies:')
    for (const r of earlier) lines.push(`- [${r.status}] ${formatTime(r.sentAt ?? r.createdAt, o.tz)} ${r.author}${r.channel ? ` via ${r.channel}` : ''}`, indent(stripControls(r.body)))
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
