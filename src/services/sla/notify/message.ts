import {formatTime} from '../../../domain/time-format.js'
import type {WebhookFormat} from '../../../domain/sla/channels.js'
import {formatSpan} from '../../../domain/sla/overdue.js'

// One reminder, and how each channel wants it. Robot formats follow the vendors' documented
// message bodies (WeCom and DingTalk markdown, Feishu text).

export interface Reminder {
  caseId: number
  title: string
  unit: string | null
  handler: string | null
  stage: 'respond' | 'resolve'
  step: string
  kind: 'remind' | 'escalate'
  dueAt: string
  /** As of the run that planned it; positive when late. */
  lateMs: number
  supervisor: string | null
}

const STAGE_ZH = {respond: '签收', resolve: '办结'}

export function reminderText(r: Reminder, tz: string): {subject: string; text: string} {
  const due = formatTime(r.dueAt, tz)
  const state = r.lateMs >= 0 ? `已超期 ${formatSpan(r.lateMs)}` : `将于 ${formatSpan(-r.lateMs)} 后到期`
  const head = r.kind === 'escalate' ? '【超期督办】' : r.lateMs >= 0 ? '【超期提醒】' : '【时限提醒】'
  const subject = `${head}#${r.caseId} ${r.title}`
  const text = [
    `${head}留言 #${r.caseId}「${r.title}」${STAGE_ZH[r.stage]}时限 ${due}，${state}。`,
    `单位：${r.unit ?? '未交办'}；办理人：${r.handler ?? '未指定'}${r.kind === 'escalate' && r.supervisor ? `；督办：${r.supervisor}` : ''}`,
    `(case ${r.caseId}, ${r.stage} due ${due}, step ${r.step})`,
  ].join('\n')
  return {subject, text}
}

export function webhookBody(format: WebhookFormat, r: Reminder, tz: string): unknown {
  const {subject, text} = reminderText(r, tz)
  switch (format) {
    case 'wecom':
      return {msgtype: 'markdown', markdown: {content: text}}
    case 'dingtalk':
      return {msgtype: 'markdown', markdown: {title: subject, text}}
    case 'feishu':
      return {msg_type: 'text', content: {text}}
    default:
      return {event: r.kind === 'escalate' ? 'sla.escalation' : 'sla.reminder', ...r, subject, text}
  }
}
