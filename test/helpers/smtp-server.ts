import type {AddressInfo} from 'node:net'
import {SMTPServer} from 'smtp-server'

// A real SMTP server on 127.0.0.1 for the reply and reminder tests.

export interface ReceivedMail {
  to: string[]
  raw: string
  messageId: string | null
  /** X-Board-* headers, names lower-cased */
  headers: Record<string, string>
}

/** `state.rejectNext` makes the next n messages fail with 451 (a transient refusal). */
export async function smtpServer() {
  const received: ReceivedMail[] = []
  const state = {rejectNext: 0}
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      let raw = ''
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
      stream.on('end', () => {
        if (state.rejectNext > 0) {
          state.rejectNext--
          return cb(Object.assign(new Error('try again later'), {responseCode: 451}))
        }
        const head = raw.split(/\r?\n\r?\n/)[0]
        const headers: Record<string, string> = {}
        for (const m of head.matchAll(/^(X-Board-[\w-]+):\s*(.*)$/gim)) headers[m[1].toLowerCase()] = m[2].trim()
        const messageId = /^Message-ID:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null
        received.push({to: session.envelope.rcptTo.map((r) => r.address), raw, messageId, headers})
        cb()
      })
    },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.server.address() as AddressInfo).port
  return {port, received, state, close: () => new Promise<void>((r) => server.close(() => r()))}
}
