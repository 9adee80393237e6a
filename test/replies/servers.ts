import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {SMTPServer} from 'smtp-server'

/**
 * A stand-in for the message board's publishing API: publishes each idempotency key once and
 * answers 409 to a repeat. `script` makes the next requests fail ('fail': 500, nothing published)
 * or lose their answer ('lose': published, then the connection is cut).
 */
export async function boardApi() {
  const published = new Map<string, unknown>()
  const requests: string[] = []
  const script: ('fail' | 'lose')[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '')
      requests.push(key)
      const mode = script.shift()
      if (mode === 'fail') return res.writeHead(500).end('down')
      if (published.has(key)) return res.writeHead(409).end('already published')
      published.set(key, JSON.parse(body))
      if (mode === 'lose') return req.socket.destroy()
      res.writeHead(201, {'content-type': 'application/json'}).end('{"ok":true}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/replies`
  return {url, published, requests, script, close: () => new Promise<void>((r) => server.close(() => r()))}
}

export interface ReceivedMail {
  to: string[]
  raw: string
  messageId: string | null
}

/** A real SMTP server on 127.0.0.1; `rejectNext` makes the next n messages fail with 451. */
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
          const err = Object.assign(new Error('try again later'), {responseCode: 451})
          return cb(err)
        }
        received.push({to: session.envelope.rcptTo.map((r) => r.address), raw, messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null})
        cb()
      })
    },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.server.address() as AddressInfo).port
  return {port, received, state, close: () => new Promise<void>((r) => server.close(() => r()))}
}
