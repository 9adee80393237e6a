import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {type Backend, backendList} from '../helpers/backends.js'
import {boardAsync} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'
import {GOOD_REPLY} from './fixtures.js'
import {boardApi} from './servers.js'


describe.each(backendList)('reply send through the CLI and concurrently on $name', (backend: Backend) => {
  let store: string
  let dir: string
  let api: Awaited<ReturnType<typeof boardApi>>
  const env = (as: string, now: string) => ({BOARD_STORE: store, BOARD_ACTOR: as, BOARD_NOW: now})

  beforeAll(async () => {
    store = await backend.location()
    dir = mkdtempSync(join(tmpdir(), 'board-sendcli-'))
    api = await boardApi()
    const rows = ['1', '2', '3'].map((r) => `${r},U${r},小区停水三天,2024-02-28 09:00:00,小区停水三天了`).join('\n')
    writeFileSync(join(dir, 'm.csv'), `留言编号,留言用户,留言主题,留言时间,留言详情\n${rows}\n`)
    writeFileSync(join(dir, 's.yaml'), `reply.channels:\n  webhook:\n    url: ${api.url}\n    timeoutMs: 5000\n`)
    const run = (args: string[], as = 'clerk') => runCommand(args, {store, env: {BOARD_ACTOR: as, BOARD_NOW: '2024-03-01T02:00:00Z'}})
    expect((await run(['import', join(dir, 'm.csv'), '--source', 'w'])).status).toBe(0)
    expect((await run(['config', 'import', join(dir, 's.yaml')])).status).toBe(0)
    for (const ref of ['1', '2', '3']) {
      expect((await run(['reply', 'draft', `w/${ref}`, '--body', GOOD_REPLY])).status).toBe(0)
      expect((await run(['reply', 'approve', `w/${ref}`], 'leader')).status).toBe(0)
    }
  })
  afterAll(async () => {
    await api?.close()
    rmSync(dir, {recursive: true, force: true})
    await backend.cleanup()
  })

  it('a bulk run with one failure exits 1 naming the case on stderr; the next run sends only that one', async () => {
    api.script.push('fail')
    const first = await boardAsync(['reply', 'send', '--approved', '--yes'], {env: env('cron', '2024-03-01T03:00:00Z')})
    expect(first.status).toBe(1)
    expect(first.stderr).toMatch(/case \d+: webhook: webhook answered 500/)
    expect(first.stderr).toMatch(/sent 2, failed 1/)
    expect(api.published.size).toBe(2)
    const second = await boardAsync(['reply', 'send', '--approved', '--yes', '--json'], {env: env('cron', '2024-03-01T04:00:00Z')})
    expect(second.status).toBe(0)
    expect(JSON.parse(second.stdout)).toMatchObject({succeeded: [expect.objectContaining({channel: 'webhook'})], failed: []})
    const third = await boardAsync(['reply', 'send', '--approved', '--yes'], {env: env('cron', '2024-03-01T05:00:00Z')})
    expect(third.status).toBe(0)
    expect(third.stderr).toMatch(/sent 0, failed 0/)
    expect(api.published.size).toBe(3)
    expect(api.requests).toHaveLength(4)
  })

  it('two cron runs at once never both publish a reply', async () => {
    const run = (args: string[], as = 'clerk') => runCommand(args, {store, env: {BOARD_ACTOR: as, BOARD_NOW: '2024-03-02T02:00:00Z'}})
    for (const ref of ['1', '2', '3']) {
      // Follow-up replies for the three cases: three approved replies waiting.
      expect((await run(['reply', 'draft', `w/${ref}`, '--body', GOOD_REPLY + '后续进展将另行告知。'])).status).toBe(0)
      expect((await run(['reply', 'approve', `w/${ref}`], 'leader')).status).toBe(0)
    }
    const before = api.requests.length
    const [a, b] = await Promise.all([
      boardAsync(['reply', 'send', '--approved', '--yes', '--json'], {env: env('cron-a', '2024-03-02T03:00:00Z')}),
      boardAsync(['reply', 'send', '--approved', '--yes', '--json'], {env: env('cron-b', '2024-03-02T03:00:00Z')}),
    ])
    const ra = JSON.parse(a.stdout)
    const rb = JSON.parse(b.stdout)
    expect(ra.succeeded.length + rb.succeeded.length).toBe(3)
    // Losing the race is not a failure of the run: cron must not page anyone for it.
    expect([a.status, b.status]).toEqual([0, 0])
    expect([...ra.failed, ...rb.failed]).toEqual([])
    for (const x of [...ra.skipped, ...rb.skipped]) expect(x.reason).toMatch(/being sent by another run|already sent/)
    expect(api.requests.length - before).toBe(3)
    expect(new Set(api.requests.slice(before)).size).toBe(3)
  })
})
