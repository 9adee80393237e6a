import {spawn} from 'node:child_process'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {openStore} from '../../src/store/open.js'
import {backendList} from '../helpers/backends.js'
import {ROOT} from '../helpers/run-cli.js'
import {boardAsync} from './notify-servers.js'

// kill -9 of `board overdue --notify` mid-send: at least once, repeats limited to the reminders in
// flight (notify.delivery.concurrency), each repeat with the same idempotency key. Needs `npm run build`.

const t0 = Date.parse('2024-03-04T01:00:00Z')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function incoming(ref: string): IncomingCase {
  return {
    source: 'test', ref, title: `井盖缺失 ${ref}`, body: '', author: null, contact: null, postedAt: new Date(t0).toISOString(),
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}

/** Records each request as it arrives (with its key), answers after delayMs. */
async function slowHook(delayMs: number): Promise<{url: string; keys: string[]; server: Server}> {
  const keys: string[] = []
  const server = createServer((req, res) => {
    keys.push(String(req.headers['idempotency-key']))
    req.resume()
    req.on('end', () => setTimeout(() => res.writeHead(200).end('{}'), delayMs))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, keys, server}
}

describe.each(backendList)('kill -9 during --notify on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('repeats only the reminders in flight, with their keys; nothing is lost', async () => {
    const hook = await slowHook(3000)
    try {
      const location = await backend.location()
      const now = new Date(t0)
      const store = await openStore(location, {now})
      const who = {actor: 'admin', now}
      await store.units.upsert({code: 'szj', name: '市政局'}, who)
      await store.settings.set('sla.policy', {rules: [{name: 'ten hours', resolve: '10h'}]}, who)
      await store.settings.set('notify.channels', {units: {szj: [{type: 'webhook', url: hook.url}]}}, who)
      await store.settings.set('notify.delivery', {claimSeconds: 1, concurrency: 2}, who)
      await store.cases.importBatch(Array.from({length: 6}, (_, i) => incoming(String(i + 1))), who)
      const unit = (await store.units.find('szj'))!
      for (let i = 1; i <= 6; i++) {
        const c = (await store.cases.getByRef('test', String(i)))!
        await updateDeadlines(store, await store.cases.change(c.id, {status: 'assigned', unitId: unit.id}, {...who, action: 'assign'}), {action: 'assign', actor: 'admin', now, zone: (await storeZone(store)).zone})
      }
      await store.close()

      const env = {BOARD_NOW: new Date(t0 + 8 * 3_600_000).toISOString()}
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), 'overdue', '--notify'], {
        env: {...process.env, BOARD_STORE: location, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C', LC_ALL: '', NO_COLOR: '1', ...env},
        stdio: 'ignore',
      })
      // Kill once the first reminders are on the wire and none has been answered.
      for (let i = 0; i < 300 && hook.keys.length < 2; i++) await sleep(50)
      child.kill('SIGKILL')
      await new Promise((r) => child.on('close', r))
      const inFlight = [...hook.keys]
      expect(inFlight.length).toBeGreaterThan(0)
      expect(inFlight.length).toBeLessThanOrEqual(2)
      await sleep(1500) // the dead run's claims lapse
      const rerun = await boardAsync(['overdue', '--notify', '--json'], {store: location, env})
      expect(rerun.status, rerun.stderr).toBe(0)
      const counts = new Map<string, number>()
      for (const k of hook.keys) counts.set(k, (counts.get(k) ?? 0) + 1)
      expect(counts.size).toBe(6) // nothing lost
      const repeated = [...counts].filter(([, n]) => n > 1).map(([k]) => k)
      expect(repeated.sort()).toEqual([...new Set(inFlight)].sort()) // only what was in flight, same keys
      expect([...counts.values()].every((n) => n <= 2)).toBe(true)
    } finally {
      hook.server.closeAllConnections()
      await new Promise<void>((r) => hook.server.close(() => r()))
    }
  }, 120_000)
})
