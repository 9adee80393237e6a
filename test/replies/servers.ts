import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

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
