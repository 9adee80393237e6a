import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {updateDeadlines} from '../../src/services/sla/deadlines.js'
import {storeZone} from '../../src/services/store-zone.js'
import {openStore} from '../../src/store/open.js'
import {backendList} from '../helpers/backends.js'
import {runCommand} from '../helpers/run-command.js'

// The SLA commands as cron and clerks run them, in-process through runCommand.

const dir = mkdtempSync(join(tmpdir(), 'board-sla-cli-'))
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

function incoming(ref: string, postedAt: string): IncomingCase {
  return {
    source: 'test', ref, title: `=HYPERLINK("x") 路灯 ${ref}`, body: '', author: null, contact: null, postedAt,
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
  }
}

describe.each(backendList)('SLA commands on $name', (backend) => {
  let store: string
  const ids: Record<string, number> = {}
  beforeAll(async () => {
    store = await backend.location()
    const s = await openStore(store, {now: new Date('2024-01-01T00:00:00Z')})
    try {
      const who = {actor: 'admin', now: new Date('2024-01-01T00:00:00Z')}
      await s.units.upsert({code: 'jtj', name: '市交通局'}, who)
      const unit = (await s.units.find('jtj'))!
      // A: assigned before National Day 2019; B: assigned just before the calendar runs out (2027)
      for (const [ref, at] of [['A', '2019-09-27T01:00:00.000Z'], ['B', '2027-12-20T01:00:00.000Z']] as const) {
        await s.cases.importBatch([incoming(ref, at)], who)
        const c = (await s.cases.getByRef('test', ref))!
        const assigned = await s.cases.change(c.id, {status: 'assigned', unitId: unit.id}, {actor: 'admin', now: new Date(at), action: 'assign'})
        await updateDeadlines(s, assigned, {action: 'assign', actor: 'admin', now: new Date(at), zone: (await storeZone(s)).zone})
        ids[ref] = c.id
      }
    } finally {
      await s.close()
    }
  })
  afterAll(() => backend.cleanup())

  it('config import names the rule index and key of each problem in sla.policy', async () => {
    const bad = file('bad.yaml', 'sla.policy:\n  rules:\n    - match: {flags: [huge]}\n      resolve: 2h\n    - resolve: soon\n')
    const r = await runCommand(['config', 'import', bad], {store})
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('sla.policy.rules[0].match.flags: unknown flag "huge"')
    expect(r.stderr).toContain('sla.policy.rules[1].resolve: "soon" is not a target')
  })

  it('sla explain shows the rule, the deadline and the National Day days it skipped', async () => {
    const r = await runCommand(['sla', 'explain', String(ids.A)], {store, env: {BOARD_NOW: '2019-10-01T00:00:00Z'}})
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('rule: default (rules[3])')
    expect(r.stdout).toContain('resolve: 15 working days from 2019-09-27 09:00 → due 2019-10-23 17:30')
    expect(r.stdout).toMatch(/skipped: 09-28, 10-01 国庆节, .*10-07 国庆节, 10-13/)
    const json = JSON.parse((await runCommand(['sla', 'explain', String(ids.A), '--json'], {store, env: {BOARD_NOW: '2019-10-01T00:00:00Z'}})).stdout)
    expect(json.resolve.dueAt).toBe('2019-10-23T09:30:00.000Z')
  })

  it('past the last covered year: explain, overdue and doctor say so; importing the year and recompute fix it', async () => {
    const explain = await runCommand(['sla', 'explain', String(ids.B)], {store, env: {BOARD_NOW: '2027-12-21T00:00:00Z'}})
    // holiday-cn's 2027 file is a placeholder until the State Council publishes: 2026 is the last covered year.
    expect(explain.stderr).toMatch(/warning: the working calendar ends with 2026; days in 2027 were counted Monday–Friday/)
    expect(explain.stderr).toMatch(/days in 2028 were counted Monday–Friday/)
    const overdue = await runCommand(['overdue', '--at', '2028-03-01'], {store})
    expect(overdue.stderr).toMatch(/deadlines in 2027, 2028 were counted Monday–Friday/)
    const doctor = await runCommand(['doctor', '--json'], {store, env: {BOARD_NOW: '2027-12-20T00:00:00Z'}})
    expect(doctor.status).toBe(1)
    expect(JSON.parse(doctor.stdout).checks.find((c: {name: string}) => c.name === 'calendar coverage')).toMatchObject({ok: false})
    // Late in the last covered year, deadlines already run into the next one: said, not failed.
    const december = await runCommand(['doctor', '--json'], {store, env: {BOARD_NOW: '2026-12-10T00:00:00Z'}})
    const checks = JSON.parse(december.stdout).checks as {name: string; ok: boolean; warning?: boolean}[]
    expect(checks.find((c) => c.name === 'calendar coverage')).toMatchObject({ok: false, warning: true})
    expect(december.stdout).not.toBe('')
    expect(checks.filter((c) => !c.ok && !c.warning).map((c) => c.name)).not.toContain('calendar coverage')
    // 2028: New Year's Day on Saturday 01-01 with Monday 01-03 off (made up for this test)
    const y2027 = file('2027.json', JSON.stringify({year: 2027, days: [{name: '元旦', date: '2027-01-01', isOffDay: true}]}))
    const y2028 = file('2028.json', JSON.stringify({year: 2028, days: [{name: '元旦', date: '2028-01-03', isOffDay: true}]}))
    expect((await runCommand(['calendar', 'import', y2027], {store})).status).toBe(0)
    expect((await runCommand(['calendar', 'import', y2028], {store})).status).toBe(0)
    const before = JSON.parse((await runCommand(['sla', 'explain', String(ids.B), '--json'], {store, env: {BOARD_NOW: '2027-12-21T00:00:00Z'}})).stdout)
    expect(before.warnings).toEqual([])
    const dry = await runCommand(['sla', 'recompute', '--dry-run', '--json'], {store, env: {BOARD_NOW: '2027-12-21T00:00:00Z'}})
    expect(JSON.parse(dry.stdout).changed.map((c: {id: number}) => c.id)).toEqual([ids.B])
    expect((await runCommand(['sla', 'recompute'], {store, env: {BOARD_NOW: '2027-12-21T00:00:00Z'}})).status).toBe(0)
    expect(JSON.parse((await runCommand(['sla', 'recompute', '--dry-run', '--json'], {store, env: {BOARD_NOW: '2027-12-21T00:00:00Z'}})).stdout).changed).toEqual([])
    const show = JSON.parse((await runCommand(['calendar', 'show', '2028', '--json'], {store})).stdout)
    expect(show).toMatchObject({year: 2028, covered: true, exceptions: [{date: '2028-01-03', kind: 'holiday'}]})
  })

  it('calendar import rejects a malformed file naming the day', async () => {
    const bad = file('bad.json', JSON.stringify({year: 2029, days: [{name: 'x', date: '2029-13-45', isOffDay: true}]}))
    const r = await runCommand(['calendar', 'import', bad], {store})
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('days[0].date: expected YYYY-MM-DD')
  })

  it('overdue: sorted by lateness, CSV neutralises formulas, --fail-if-any exits 3, nothing late exits 0', async () => {
    const at = '2028-06-01 09:00'
    const json = JSON.parse((await runCommand(['overdue', '--at', at, '--json'], {store})).stdout)
    expect(json.groups[0].items.map((i: {caseId: number; stage: string}) => `${i.caseId}/${i.stage}`)).toEqual([
      `${ids.A}/respond`, `${ids.A}/resolve`, `${ids.B}/respond`, `${ids.B}/resolve`,
    ])
    const csv = await runCommand(['overdue', '--at', at, '--csv', '--unit', 'jtj'], {store})
    expect(csv.stdout.split('\n')[0]).toBe('\uFEFFcase,title,unit,handler,stage,deadline,late_minutes') // BOM: Excel reads UTF-8
    expect(csv.stdout).toContain(`${ids.A},"'=HYPERLINK(""x"") 路灯 A",市交通局,,respond,2019-09-29T17:30:00+08:00,`) // Sunday 09-29 was a make-up workday; times in the store zone
    expect((await runCommand(['overdue', '--at', at, '--fail-if-any'], {store})).status).toBe(3)
    const early = await runCommand(['overdue', '--at', '2019-09-27 10:00', '--fail-if-any'], {store})
    expect([early.status, early.stdout]).toEqual([0, ''])
    const soon = JSON.parse((await runCommand(['overdue', '--at', '2019-09-29 12:00', '--within', '1d', '--json'], {store})).stdout)
    expect(soon.groups[0].items).toMatchObject([{caseId: ids.A, stage: 'respond'}])
    expect(soon.groups[0].items[0].lateMs).toBeLessThan(0)
    expect((await runCommand(['overdue', '--within', 'soon'], {store})).status).toBe(2)
  })

  it('wait stops the clock and --resume restores the status with the deadline moved', async () => {
    const env = (t: string) => ({BOARD_NOW: t})
    const w = JSON.parse((await runCommand(['wait', String(ids.A), '--reason', '补充材料', '--json'], {store, env: env('2019-10-08T01:00:00Z')})).stdout)
    expect(w.status).toBe('waiting')
    expect((await runCommand(['wait', String(ids.A)], {store, env: env('2019-10-08T02:00:00Z')})).status).toBe(2)
    const r = JSON.parse((await runCommand(['wait', String(ids.A), '--resume', '--json'], {store, env: env('2019-10-10T01:00:00Z')})).stdout)
    expect(r.status).toBe('assigned')
    // two working days waited (10-08 and 10-09, from and to 09:00): 10-23 → 10-25
    expect(r.resolveDueAt).toBe('2019-10-25T09:30:00.000Z')
  })
})
