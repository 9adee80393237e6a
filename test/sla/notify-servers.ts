import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

// Real servers on 127.0.0.1 for the notification tests, and an async CLI runner (spawnSync would
// block the event loop these servers answer on).

export interface WebhookServer {
  url: string
  received: Record<string, unknown>[]
  stop(): Promise<void>
  start(): Promise<void>
}

export async function webhookServer(opts: {delayMs?: number} = {}): Promise<WebhookServer> {
  const received: Record<string, unknown>[] = []
  let server: Server | undefined
  let port = 0
  const start = () =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        let body = ''
        req.on('data', (c) => (body += c))
        req.on('end', () => {
          setTimeout(() => {
            received.push(JSON.parse(body) as Record<string, unknown>)
            res.writeHead(200, {'content-type': 'application/json'}).end('{"ok":true}')
          }, opts.delayMs ?? 0)
        })
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port
        resolve()
      })
    })
  await start()
  return {
    get url() {
      return `http://127.0.0.1:${port}/hook`
    },
    received,
    start,
    stop: () => new Promise<void>((resolve) => (server!.closeAllConnections(), server!.close(() => resolve()))),
  }
}

/** The one async CLI runner, here under the name the notification tests import. */
export {boardAsync} from '../helpers/run-cli.js'
