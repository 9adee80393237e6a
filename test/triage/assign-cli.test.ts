import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {stringify} from 'csv-stringify/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {importFiles} from '../../src/import/import-service.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {runCommand} from '../helpers/run-command.js'
import {TIPDM} from './tipdm-rows.js'

const now = new Date('2024-05-01T00:00:00Z')
const env = {BOARD_NOW: now.toISOString(), BOARD_ACTOR: 'admin1'}
const dir = mkdtempSync(join(tmpdir(), 'board-assign-'))
const messages = join(dir, 'messages.csv')
const rows = parse(readFileSync(join(TIPDM, 'labeled_messages.csv')), {columns: true, bom: true}) as Record<string, string>[]
// The file is sorted by category: every 12th row gives all seven.
writeFileSync(messages, stringify(rows.filter((_, i) => i % 12 === 0), {header: true}))

describe.each(backendList)('assign, transfer, supervise on $name', (backend) => {
  let store: Store
  let location: string
  const cli = (args: string[], input?: string) => runCommand(args, {store: location, env, input})

  beforeAll(async () => {
    location = await backend.location()
    store = await openStore(location, {now})
    await importFiles(store, {files: [messages], source: 't', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: join(dir, 'r.csv'), dryRun: false, actor: 'admin', now: () => now})
    const o = {actor: 'admin', now}
    await store.units.upsert({code: 'a', name: 'A市'}, o)
    await store.units.upsert({code: 'a-housing', name: 'A市住房和城乡建设局', parentCode: 'a'}, o)
    await store.units.upsert({code: 'a-water', name: 'A市水务局', parentCode: 'a'}, o)
    for (const h of ['h1', 'h2', 'h3']) await store.handlers.upsert({code: h, name: h, unitCode: 'a-housing', capacity: 50}, o)
    await store.handlers.upsert({code: 'h4', name: 'h4', unitCode: 'a-housing', onDuty: false}, o)
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('--dry-run prints the least-loaded plan and writes nothing; without a TTY more than one case needs --yes', async () => {
    const target = await store.cases.count({category: '城乡建设'})
    expect(target).toBeGreaterThan(5)
    const before = (await store.events.recent({limit: 10_000})).length
    const dry = await cli(['assign', '--where', 'category=城乡建设,status=new', '--to', 'a-housing', '--strategy', 'least-loaded', '--dry-run', '--json'])
    expect(dry.status, dry.stderr).toBe(0)
    const plan = JSON.parse(dry.stdout)
    expect(plan.items).toHaveLength(target)
    expect(new Set(plan.items.map((i: {handler: string}) => i.handler))).toEqual(new Set(['h1', 'h2', 'h3'])) // h4 is off duty
    expect((await store.events.recent({limit: 10_000})).length).toBe(before)
    const refused = await cli(['assign', '--where', 'category=城乡建设', '--to', 'a-housing', '--strategy', 'least-loaded'])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('--yes')
  })

  it('applies the plan from the JSON of board list on stdin, spreading within one of even', async () => {
    const listed = await cli(['list', '--category', '城乡建设', '--limit', '0', '--json'])
    const r = await cli(['assign', '--ids', '-', '--to', 'a-housing', '--strategy', 'least-loaded', '--yes', '--json'], listed.stdout)
    expect(r.status, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.failed).toEqual([])
    const load = [...(await store.handlers.openLoad((await store.units.find('a-housing'))!.id)).values()]
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1)
    const events = await store.events.forCase(out.succeeded[0].id)
    expect(events.filter((e) => e.action !== 'sla.deadline').at(-1)).toMatchObject({action: 'assign', actor: 'admin1'})
  })

  it('per-case results: a bad id fails on stderr with exit 1 while the good one is assigned', async () => {
    const [c] = await store.cases.list({category: '教育文体', limit: 1})
    const r = await cli(['assign', String(c.id), '999999', '--to', 'a/x', '--yes'])
    expect(r.status).toBe(2) // unknown handler is a usage error before anything is written
    const ok = await cli(['assign', String(c.id), '999999', '--to', 'a-water', '--yes', '--json'])
    expect(ok.status).toBe(1)
    expect(ok.stderr).toContain('case 999999: no such case')
    expect(JSON.parse(ok.stdout).succeeded).toEqual([{id: c.id, unit: 'a-water', handler: null}])
  })

  it('--from-csv maps each case to its own target', async () => {
    const cases = await store.cases.list({category: '卫生计生', limit: 2})
    const csv = join(dir, `map-${backend.name}.csv`)
    writeFileSync(csv, `id,unit,handler\n${cases[0].id},a-housing,h2\n${cases[1].id},a-water,\n`)
    const r = await cli(['assign', '--from-csv', csv, '--yes', '--json'])
    expect(r.status, r.stderr).toBe(0)
    expect((await store.cases.get(cases[0].id))!.handler).toBe('h2')
    expect((await store.cases.get(cases[1].id))!.unit).toBe('A市水务局') // Case.unit is the name
  })

  it('transfer records the reason and the unit it came from; supervise flags and raises priority', async () => {
    const [c] = await store.cases.list({unit: 'a-housing', limit: 1})
    const t = await cli(['transfer', String(c.id), '--to', 'a-water', '--reason', '供水问题，属水务局职责'])
    expect(t.status, t.stderr).toBe(0)
    const after = (await store.cases.get(c.id))!
    expect([after.unit, after.handlerId, after.status]).toEqual(['A市水务局', null, 'assigned'])
    const ev = (await store.events.forCase(c.id)).at(-1)!
    expect(ev).toMatchObject({action: 'transfer', actor: 'admin1'})
    expect((ev.after as {note: {reason: string; from: string}}).note).toEqual({reason: '供水问题，属水务局职责', from: 'a-housing', to: 'a-water'})
    expect((await cli(['transfer', String(c.id), '--to', 'a-water', '--reason', 'x'])).status).toBe(1) // already there

    const s = await cli(['supervise', String(c.id), '--note', '请三日内答复', '--json'])
    expect(s.status, s.stderr).toBe(0)
    expect(JSON.parse(s.stdout)).toMatchObject({supervised: true, priority: after.priority + 1})
    expect((await store.events.forCase(c.id)).filter((e) => e.action !== 'sla.deadline').at(-1)).toMatchObject({action: 'supervise', actor: 'admin1'})
  })
})
