import type {Lang} from '../../../i18n/translate.js'
import type {Channel, ChannelSettings} from '../../../domain/sla/channels.js'
import {type Reminder, reminderText, webhookBody} from './message.js'

export interface Sender {
  /** r.key is the reminder's idempotency key: the same on every attempt, for receivers to drop repeats. */
  send(channel: Channel, r: Reminder): Promise<void>
  close(): void
}

/** Delivers over HTTP (fetch) and SMTP (nodemailer, loaded only when an email is due). */
export function createSender(settings: ChannelSettings, tz: string, timeoutMs = 10_000, lang: Lang = 'zh'): Sender {
  let mailer: import('nodemailer').Transporter | undefined
  return {
    async send(channel, r) {
      if (channel.type === 'webhook') {
        const res = await fetch(channel.url, {
          method: 'POST',
          headers: {'content-type': 'application/json', ...(r.key ? {'idempotency-key': r.key} : {})},
          body: JSON.stringify(webhookBody(channel.format ?? 'generic', r, tz, lang)),
          signal: AbortSignal.timeout(timeoutMs),
        })
        const body = await res.text()
        if (!res.ok) throw new Error(`HTTP ${res.status} from ${new URL(channel.url).host}`)
        // Robots answer 200 with an error code in the body when they refuse a message.
        const code = robotError(body)
        if (code) throw new Error(`${new URL(channel.url).host} refused the message: ${code}`)
        return
      }
      if (!settings.smtp) throw new Error('email channel but no smtp in notify.channels')
      if (!mailer) {
        const nodemailer = (await import('nodemailer')).default
        const s = settings.smtp
        mailer = nodemailer.createTransport({
          host: s.host, port: s.port ?? 587, secure: s.secure ?? false,
          auth: s.user && process.env.BOARD_SMTP_PASSWORD ? {user: s.user, pass: process.env.BOARD_SMTP_PASSWORD} : undefined,
          connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs,
        })
      }
      const {subject, text} = reminderText(r, tz, lang)
      // Headers let mail rules (and tests) sort reminders without parsing the Chinese text; the
      // Message-ID is the reminder's key, so a repeat after a crash is the same message.
      const domain = settings.smtp.from.split('@').pop()
      await mailer.sendMail({
        from: settings.smtp.from, to: channel.to, subject, text,
        ...(r.key ? {messageId: `<${r.key}@${domain}>`} : {}),
        headers: {'X-Board-Case': String(r.caseId), 'X-Board-Stage': r.stage, 'X-Board-Step': r.step},
      })
    },
    close() {
      mailer?.close()
    },
  }
}

function robotError(body: string): string | undefined {
  try {
    const j = JSON.parse(body) as {errcode?: number; errmsg?: string; code?: number; msg?: string}
    if (typeof j.errcode === 'number' && j.errcode !== 0) return `${j.errcode} ${j.errmsg ?? ''}`.trim()
    if (typeof j.code === 'number' && j.code !== 0) return `${j.code} ${j.msg ?? ''}`.trim()
  } catch {
    // not JSON: a generic endpoint; its status code said enough
  }
  return undefined
}
