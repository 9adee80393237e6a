import nodemailer from 'nodemailer'

import {type ChannelConfig, emailOf} from '../../domain/reply-channels.js'
import type {Delivery} from './delivery.js'

/**
 * Mails the reply to the citizen over SMTP. Mail has no server-side de-duplication, so the key
 * becomes the Message-ID: a mail client shows two copies with one Message-ID as one message, and
 * board itself never resends a reply recorded as sent.
 */
export async function deliverEmail(d: Delivery, config: ChannelConfig): Promise<void> {
  const smtp = config.email!
  const to = emailOf(d.to)
  if (!to) throw new Error('the citizen left no email address')
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? false,
    auth: smtp.user ? {user: smtp.user, pass: (smtp.passEnv ? process.env[smtp.passEnv] : smtp.pass) ?? ''} : undefined,
    connectionTimeout: 15_000,
    socketTimeout: 30_000,
  })
  try {
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: `${smtp.subject ?? '答复'}：${d.title}`,
      text: d.body,
      messageId: `<${d.idempotencyKey}@board>`,
      headers: {'Idempotency-Key': d.idempotencyKey, 'X-Board-Case': `${d.source}/${d.ref}`},
    })
  } finally {
    transport.close()
  }
}
