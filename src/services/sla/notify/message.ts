import {createHash} from 'node:crypto'

import {type Lang, translate} from '../../../i18n/translate.js'
import {formatTime} from '../../../domain/time-format.js'
import type {WebhookFormat} from '../../../domain/sla/channels.js'
import {formatSpan} from '../../../domain/sla/overdue.js'

// One reminder, and how each channel wants it. Robot formats follow the vendors' documented
// message bodies (WeCom and DingTalk markdown, Feishu text). Text is rendered when it is sent, in
// the store's zone and language, so a retry hours later states the lateness of that moment.

export interface Reminder {
  caseId: number
  title: string
  unit: string | null
  handler: string | null
  stage: 'respond' | 'resolve'
  step: string
  kind: 'remind' | 'escalate'
  dueAt: string
  /** As of the moment it is rendered; positive when late. */
  lateMs: number
  supervisor: string | null
  /** Stable across retries and runs: receivers drop a repeat by it. */
  key?: string
}

/** The idempotency key of one reminder: the same (case, stage, deadline, step, channel) always gives the same key. */
export function reminderKey(e: {caseId: number; stage: string; dueAt: string; step: string; channel: string}): string {
  const id = `${e.caseId}|${e.stage}|${new Date(e.dueAt).toISOString()}|${e.step}|${e.channel}`
  return `board-${e.caseId}-${createHash('sha256').update(id).digest('hex').slice(0, 24)}`
}

export function reminderText(r: Reminder, tz: string, lang: Lang = 'zh'): {subject: string; text: string} {
  const t = (k: string, v?: Record<string, string | number>) => translate(lang, k, v)
  const due = formatTime(r.dueAt, tz)
  const state = r.lateMs >= 0 ? t('remind.late', {span: formatSpan(r.lateMs)}) : t('remind.dueIn', {span: formatSpan(-r.lateMs)})
  const head = t(r.kind === 'escalate' ? 'remind.head.escalate' : r.lateMs >= 0 ? 'remind.head.late' : 'remind.head.soon')
  const stage = t(`remind.stage.${r.stage}`)
  const subject = `${head}#${r.caseId} ${r.title}`
  const supervisor = r.kind === 'escalate' && r.supervisor ? t('remind.supervisor', {who: r.supervisor}) : ''
  const text = [
    t('remind.line1', {head, id: r.caseId, title: r.title, stage, due, state}),
    t('remind.line2', {unit: r.unit ?? t('remind.noUnit'), handler: r.handler ?? t('remind.noHandler'), supervisor}),
    t('remind.tail', {id: r.caseId, stage, due, step: r.step, key: r.key ?? '-'}),
  ].join('\n')
  return {subject, text}
}

export function webhookBody(format: WebhookFormat, r: Reminder, tz: string, lang: Lang = 'zh'): unknown {
  const {subject, text} = reminderText(r, tz, lang)
  switch (format) {
    case 'wecom':
      return {msgtype: 'markdown', markdown: {content: text}}
    case 'dingtalk':
      return {msgtype: 'markdown', markdown: {title: subject, text}}
    case 'feishu':
      return {msg_type: 'text', content: {text}}
    default:
      return {event: r.kind === 'escalate' ? 'sla.escalation' : 'sla.reminder', ...r, idempotencyKey: r.key, subject, text}
  }
}
