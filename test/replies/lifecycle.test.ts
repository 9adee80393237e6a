import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {openStore} from '../../src/store/open.js'
import {type Backend, backendList} from '../helpers/backends.js'
import {runCommand} from '../helpers/run-command.js'
import {GOOD_REPLY} from './fixtures.js'

// The whole life of a case through its commands (in-process), as clerks, a leader and cron would run it.
describe.each(backendList)('case lifecycle through the CLI on $name', (backend: Backend) => {
  let store: string
  let dir: string
  const run = (args: string[], as = 'clerk', time = '2024-03-01T02:00:00Z') => runCommand(args, {store, env: {BOARD_ACTOR: as, BOARD_NOW: time}})
  const json = async (args: string[], as?: string, time?: string) => {
    const r = await run([...args, '--json'], as, time)
    expect(r.stderr).not.toMatch(/Unexpected error/)
    return {...r, data: r.stdout ? JSON.parse(r.stdout) : null}
  }

  beforeAll(async () => {
    store = await backend.location()
    dir = mkdtempSync(join(tmpdir(), 'board-life-'))
    writeFileSync(
      join(dir, 'messages.csv'),
      '留言编号,留言用户,留言主题,留言时间,留言详情,联系方式\n' +
        '9001,U0001,小区停水三天无人处理,2024-02-28 09:00:00,我们小区停水三天了，物业说是管道爆裂，一直没有人来修,\n' +
        '9002,U0002,路灯不亮,2024-02-27 20:00:00,路灯坏了一个月,\n',
    )
    writeFileSync(join(dir, 'settings.yaml'), `reply.channels:\n  order: [webhook, outbox]\n  outbox:\n    dir: ${join(dir, 'outbox')}\nreply.policy:\n  requireApproval: true\n`)
    writeFileSync(join(dir, 'reply.txt'), GOOD_REPLY)
  })
  afterAll(async () => {
    rmSync(dir, {recursive: true, force: true})
    await backend.cleanup()
  })

  it('import → triage → assign → draft → check → approve → send → rate unsatisfied → reopen → reply again → close', async () => {
    expect((await run(['import', join(dir, 'messages.csv'), '--source', 'life'])).status).toBe(0)
    expect((await run(['config', 'import', join(dir, 'settings.yaml')])).status).toBe(0)

    // Triage and assignment belong to other capabilities; here they are what their services would write.
    const s = await openStore(store, {now: new Date('2024-03-01T02:00:00Z')})
    const c = (await s.cases.getByRef('life', '9001'))!
    const who = {actor: 'dispatcher', now: new Date('2024-03-01T02:00:00Z')}
    await s.units.upsert({code: 'city.water', name: 'A市水务局'}, who)
    const h = await s.handlers.upsert({code: 'w1', name: '张三', unitCode: 'city.water'}, who)
    await s.cases.change(c.id, {category: '城乡建设', status: 'triaged'}, {...who, action: 'triage'})
    await s.cases.change(c.id, {unitId: h.unitId, handlerId: h.id, status: 'assigned'}, {...who, action: 'assign'})
    await s.close()
    const id = String(c.id)

    expect((await run(['template', 'add', 'ack', '--body', '{{citizen}}您好！您于{{postedAt | date}}反映的“{{case.title}}”已由{{unit}}受理。'])).status).toBe(0)
    const bad = await run(['template', 'add', 'oops', '--body', '{{citizen.name}}'])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/unknown variable "citizen.name"/)

    const v1 = await json(['reply', 'draft', id, '--template', 'ack'])
    expect(v1.data.reply.body).toBe('U0001您好！您于2024年2月28日反映的“小区停水三天无人处理”已由A市水务局受理。')
    const v2 = await json(['reply', 'draft', id, '--body-file', join(dir, 'reply.txt')])
    expect(v2.data.version).toBe(2)

    const check = await json(['reply', 'check', id])
    expect(check.data.findings).toEqual([])
    expect((await run(['reply', 'check', id, '--fail-if-any'])).status).toBe(0)

    const self = await run(['reply', 'approve', id], 'clerk')
    expect(self.status).toBe(1)
    expect(self.stderr).toMatch(/clerk wrote this draft and cannot approve it/)
    expect((await run(['reply', 'approve', id], 'leader')).status).toBe(0)

    const sent = await run(['reply', 'send', id], 'clerk', '2024-03-01T03:00:00Z')
    expect(sent.status).toBe(0)
    expect(sent.stdout.trim().split('\n').map((l) => l.split('\t'))).toEqual([['Case', 'Reply', 'Channel'], [id, expect.any(String), 'outbox']])
    expect(readdirSync(join(dir, 'outbox'))).toHaveLength(1)
    let shown = (await json(['show', id])).data
    expect(shown.case).toMatchObject({status: 'replied', respondedAt: '2024-03-01T03:00:00.000Z'})

    const rated = await json(['rate', id, '--unsatisfied', '--comment', '还是没有水'], 'citizen-desk', '2024-03-03T02:00:00Z')
    expect(rated.data).toMatchObject({recorded: true, reopened: true})

    expect((await run(['reply', 'draft', id, '--body', GOOD_REPLY + '3月4日已复查，供水正常。'], 'clerk', '2024-03-04T02:00:00Z')).status).toBe(0)
    expect((await run(['reply', 'approve', id], 'leader', '2024-03-04T03:00:00Z')).status).toBe(0)
    const bulk = await run(['reply', 'send', '--approved', '--yes'], 'cron', '2024-03-04T04:00:00Z')
    expect(bulk.status).toBe(0)
    expect(readdirSync(join(dir, 'outbox'))).toHaveLength(2)

    expect((await run(['close', id], 'clerk', '2024-03-05T02:00:00Z')).status).toBe(0)
    shown = (await json(['show', id])).data
    expect(shown.case).toMatchObject({status: 'closed', respondedAt: '2024-03-01T03:00:00.000Z', resolvedAt: '2024-03-05T02:00:00.000Z'})
    expect(shown.events.map((e: {action: string; actor: string}) => `${e.action} ${e.actor}`)).toEqual([
      'import.create clerk',
      'triage dispatcher',
      'assign dispatcher',
      'reply.draft clerk',
      'reply.draft clerk',
      'reply.approve leader',
      'reply.send clerk',
      // The SLA clock follows: answered stops the respond clock, the reopening restarts it.
      'sla.deadline clerk',
      'rate.unsatisfied citizen-desk',
      'sla.deadline citizen-desk',
      'reply.draft clerk',
      'reply.approve leader',
      'reply.send cron',
      'close clerk',
    ])
    expect(shown.replies.filter((r: {status: string}) => r.status === 'sent')).toHaveLength(2)

    const reopened = await json(['reopen', id, '--reason', '群众再次来电'], 'clerk', '2024-03-06T02:00:00Z')
    expect(reopened.data).toMatchObject({status: 'reopened', resolvedAt: null})
    const history = (await json(['reply', 'show', id])).data
    expect(history.current).toBeNull()
    expect(history.history.map((r: {channel: string}) => r.channel)).toEqual(['outbox', 'outbox'])
    const doctor = (await json(['doctor'])).data
    expect(doctor.checks.filter((c: {area: string}) => c.area === 'replies')).toEqual([
      expect.objectContaining({name: 'channels', ok: true, detail: 'outbox'}),
      expect.objectContaining({name: 'failed sends', ok: true}),
    ])
  })

  it('never prompts without a terminal: names the flag to pass instead', async () => {
    const draft = await run(['reply', 'draft', 'life/9002'])
    expect(draft.status).toBe(2)
    expect(draft.stderr).toMatch(/--body/)
    const bulk = await run(['reply', 'send', '--approved'])
    expect(bulk.status).toBe(2)
    expect(bulk.stderr).toMatch(/--yes/)
    expect((await run(['template', 'remove', 'ack'])).status).toBe(2)
  })

  it('rate import: ratings by ref, unsatisfied reopens, a second import records nothing twice, bad rows exit 1', async () => {
    const ref = 'life/9002'
    expect((await run(['reply', 'draft', ref, '--body', GOOD_REPLY])).status).toBe(0)
    expect((await run(['reply', 'approve', ref], 'leader')).status).toBe(0)
    expect((await run(['reply', 'send', ref])).status).toBe(0)
    const file = join(dir, 'ratings.csv')
    writeFileSync(file, 'ref,rating,comment,time\n9002,不满意,灯还是不亮,2024-03-02 10:00:00\n9999,满意,,2024-03-02 10:00:00\n9002,maybe,,\n')
    const first = await json(['rate', 'import', file, '--source', 'life'])
    expect(first.status).toBe(1)
    expect(first.data).toMatchObject({recorded: 1, duplicates: 0, reopened: [expect.any(Number)], failed: [{line: 3, ref: '9999'}, {line: 4, ref: '9002'}]})
    const again = await run(['rate', 'import', file, '--source', 'life'])
    expect(again.stderr).toMatch(/recorded 0, already there 1, reopened 0, failed 2/)
    expect(again.stderr).toMatch(/:4: 9002: rating "maybe"/)
    const shown = (await json(['show', ref])).data
    expect(shown.case.status).toBe('reopened')
    expect(shown.events.filter((e: {action: string}) => e.action === 'rate.unsatisfied')).toHaveLength(1)
  })
})
