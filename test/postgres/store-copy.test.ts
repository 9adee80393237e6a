import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {importFiles} from '../../src/import/import-service.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {DATA} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const postgres = backendList.filter((b) => b.name === 'postgres')
const now = new Date('2024-01-01T00:00:00Z')
const as = {actor: 'admin', now}
const tip = (f: string) => join(DATA, 'tipdm2020c', f)

async function snapshot(location: string) {
  const s = await openStore(location, {now})
  try {
    const cases = await s.cases.list({})
    const ids = cases.map((c) => c.id)
    return {
      cases,
      units: await s.units.list(),
      replies: (await Promise.all(ids.slice(0, 200).map((id) => s.cases.replies(id)))).flat(),
      events: (await Promise.all(ids.slice(0, 200).map((id) => s.events.forCase(id)))).flat(),
      settings: await s.settings.all(),
    }
  } finally {
    await s.close()
  }
}

describe.each(postgres)('board db copy between SQLite and $name', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'board-copy-'))
  const sqlite = join(dir, 'board.db')
  let pgUrl: string
  let mergedId: number
  let mergedInto: number

  beforeAll(async () => {
    const s: Store = await openStore(sqlite, {now})
    const base = {tz: 'Asia/Shanghai', format: 'csv' as const, rejectsPath: join(dir, 'rejects.csv'), dryRun: false, actor: 'importer', now: () => now}
    await importFiles(s, {...base, files: [tip('labeled_messages.csv'), tip('replied_messages.csv')], source: 'one'})
    // a child unit stored before its parent, and a case merged into a later one: self-references against id order
    await s.units.upsert({code: 'C', name: '区'}, as)
    await s.units.upsert({code: 'P', name: '市'}, as)
    await s.units.upsert({code: 'C', name: '区', parentCode: 'P'}, as)
    const [first, last] = [(await s.cases.list({limit: 1}))[0], (await s.cases.list({}))[0]]
    const later = Math.max(first.id, last.id)
    mergedId = Math.min(first.id, last.id)
    mergedInto = later
    await s.cases.change(mergedId, {status: 'merged', mergedInto, unitId: (await s.units.find('C'))!.id}, {...as, action: 'merge'})
    await s.settings.set('sla.respondDays', 3, as)
    await s.close()
    pgUrl = await backend.location()
  })

  afterAll(async () => {
    await backend.cleanup()
    rmSync(dir, {recursive: true, force: true})
  })

  it('SQLite → PostgreSQL: every table, ids kept, counts checked', async () => {
    const r = await runCommand(['db', 'copy', '--from', sqlite, '--to', pgUrl, '--json'])
    expect(r.status, r.stderr).toBe(0)
    const result = JSON.parse(r.stdout)
    expect(result.ok).toBe(true)
    const byTable = Object.fromEntries(result.tables.map((t: {table: string; source: number; target: number}) => [t.table, t]))
    expect(byTable.cases).toMatchObject({source: 942 + 857 - 3, target: 942 + 857 - 3})
    expect(byTable.units).toMatchObject({source: 2, target: 2})
    expect(result.tables.map((t: {table: string}) => t.table).indexOf('units')).toBeLessThan(result.tables.map((t: {table: string}) => t.table).indexOf('cases'))
    expect(await snapshot(pgUrl)).toEqual(await snapshot(sqlite))
    const pg = await openStore(pgUrl, {now})
    try {
      expect((await pg.cases.get(mergedId))!.mergedInto).toBe(mergedInto)
      // new ids continue after the copied ones
      const [o] = await pg.cases.importBatch([{...(await pg.cases.get(mergedId))!, source: 'new', ref: 'n1', reply: null, extra: null}], as)
      expect(o.id).toBe(942 + 857 - 3 + 1)
    } finally {
      await pg.close()
    }
  })

  it('refuses a non-empty target unless --replace --yes', async () => {
    const r = await runCommand(['db', 'copy', '--from', sqlite, '--to', pgUrl])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/target store is not empty/)
    expect((await runCommand(['db', 'copy', '--from', sqlite, '--to', pgUrl, '--replace'])).status).toBe(2)
    const again = await runCommand(['db', 'copy', '--from', sqlite, '--to', pgUrl, '--replace', '--yes', '--json'])
    expect(again.status, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ok: true, replaced: true})
  })

  it('PostgreSQL → SQLite: the same store back', async () => {
    const back = join(dir, 'back.db')
    const r = await runCommand(['db', 'copy', '--from', pgUrl, '--to', back])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^cases\t1796\t1796\tok$/m)
    expect(await snapshot(back)).toEqual(await snapshot(sqlite))
  })

  it('refuses a password in --from/--to', async () => {
    const r = await runCommand(['db', 'copy', '--from', pgUrl.replace('://postgres@', '://postgres:pw@'), '--to', join(dir, 'x.db')])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--from must not carry a password/)
  })
})
