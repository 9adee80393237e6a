import Database from 'better-sqlite3'
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {redactPersonalData} from '../../src/domain/redact.js'
import {StoreFullError} from '../../src/errors.js'
import {importFiles} from '../../src/import/import-service.js'
import {grantAccess} from '../../src/services/db-grant.js'
import {openStore} from '../../src/store/open.js'
import type {SqliteExecutor} from '../../src/store/sqlite/executor.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {dropRoles, storeUrlAs} from '../helpers/pg-roles.js'
import {ROOT} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const now = new Date('2024-05-01T00:00:00Z')
const o = {actor: 'admin', now}
const dir = mkdtempSync(join(tmpdir(), 'board-edges-'))
const message = (ref: string): IncomingCase => ({
  source: 's', ref, title: `留言 ${ref}`, body: '路灯不亮', author: null, contact: null, postedAt: '2024-04-01T00:00:00.000Z',
  region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
})
const sqliteOf = (store: Store) => (store as unknown as {sqlite: SqliteExecutor}).sqlite.raw()

afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('credentials in a store URL', () => {
  it('?password= in --store is refused like user:pw@, and never printed', async () => {
    const r = await runCommand(['list', '--store', 'postgres://postgres@127.0.0.1:5432/test?password=SECRET1'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--store must not carry a password/)
    expect(r.stderr + r.stdout).not.toContain('SECRET1')
  })

  it('an unreachable store named with a password in BOARD_STORE is reported without it', async () => {
    for (const url of ['postgres://u:SECRET2@127.0.0.1:1/db', 'postgres://u@127.0.0.1:1/db?password=SECRET2&connect_timeout=2']) {
      const r = await runCommand(['list'], {store: url})
      expect(r.status, r.stderr).toBe(4)
      expect(r.stderr).not.toContain('SECRET2')
      expect(r.stderr).toContain('***')
    }
  })
})

describe('a full disk during an import', () => {
  it('says what happened, what was kept and what to do', async () => {
    const file = join(dir, 'full.db')
    const store = await openStore(file, {now})
    try {
      const db = sqliteOf(store)
      const pages = Number(db.pragma('page_count', {simple: true}))
      db.pragma(`max_page_count = ${pages + 300}`)
      const run = importFiles(store, {
        files: [join(ROOT, 'data', 'sample', 'messages.csv')], source: 'sample', tz: 'Asia/Shanghai', format: 'csv',
        rejectsPath: join(dir, 'full-rejects.csv'), dryRun: false, actor: 'admin', now: () => now, batchSize: 100,
      })
      const error = await run.then(() => null, (e: unknown) => e)
      expect(error).toBeInstanceOf(StoreFullError)
      const e = error as StoreFullError
      expect(e.message).toMatch(/disk .*is full/)
      expect(e.message).toMatch(/kept \(the store holds \d+ cases of source "sample"\)/)
      expect(e.suggestion).toMatch(/run the same import again/)
      expect(e.exitCode).toBe(1)
    } finally {
      await store.close()
    }
  })
})

describe('read commands never write', () => {
  it('list and doctor leave an index an interrupted import left out for a writing command to build', async () => {
    const file = join(dir, 'deferred.db')
    const store = await openStore(file, {now})
    await store.cases.importBatch([message('1')], o)
    const db = sqliteOf(store)
    const ddl = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases_stats'").get() as {sql: string}).sql
    db.exec('DROP INDEX cases_stats')
    // an import that died: its process is gone
    db.prepare('INSERT INTO deferred_indexes (name, ddl, pid, host) VALUES (?, ?, ?, ?)').run('cases_stats', ddl, 2 ** 22 + 7, hostname())
    await store.close()
    const index = () => {
      const d = new Database(file, {readonly: true})
      try {
        return Boolean(d.prepare("SELECT 1 FROM sqlite_master WHERE name = 'cases_stats'").get())
      } finally {
        d.close()
      }
    }
    expect((await runCommand(['list', '--json'], {store: file})).status).toBe(0)
    expect((await runCommand(['doctor', '--json'], {store: file})).stdout).toMatch(/cases_stats left out/)
    expect(index()).toBe(false)
    expect((await runCommand(['unit', 'add', 'x', '--name', 'X'], {store: file})).status).toBe(0)
    expect(index()).toBe(true)
  })
})

describe('a SQLite file that is not a board store', () => {
  it('is refused and left untouched', async () => {
    const file = join(dir, 'foreign.db')
    const db = new Database(file)
    db.exec("CREATE TABLE cases (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO cases (note) VALUES ('mine')")
    db.close()
    const before = readFileSync(file)
    const r = await runCommand(['list'], {store: file})
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/not a board store.*left untouched/)
    expect(r.stderr).not.toMatch(/a bug in board/)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(existsSync(file + '-wal')).toBe(false)
  })
})

describe.each(backendList)('a missing case on $name', (backend) => {
  let location: string
  beforeAll(async () => {
    location = await backend.location()
    const s = await openStore(location, {now})
    await s.units.upsert({code: 'a', name: 'A市'}, o)
    await s.close()
  })
  afterAll(() => backend.cleanup())

  it('exits 1 in every command that names one', async () => {
    for (const args of [['show', '999'], ['close', '999'], ['transfer', '999', '--to', 'a', '--reason', 'x'], ['supervise', '999', '--note', 'x'], ['reopen', '999', '--reason', 'x']]) {
      const r = await runCommand(args, {store: location})
      expect([args[0], r.status], r.stderr).toEqual([args[0], 1])
      expect(r.stderr).toMatch(/no case 999/)
    }
  })
})

describe('personal data in citizen text', () => {
  it('masks a landline written with its area code in brackets', () => {
    expect(redactPersonalData('电话(0731)84567890，或（0731）84567890').text).toBe('电话(0731)******90，或（0731）******90')
  })
})

describe.each(backendList.filter((b) => b.name === 'postgres'))('a clerk meeting another unit\'s cases on $name', (backend) => {
  const tag = `${process.pid}_${Date.now().toString(36)}`
  const clerk = `board_t_edge_${tag}`
  let url: string
  let owner: Store
  const as = (role: string) => storeUrlAs(url, role)

  beforeAll(async () => {
    url = await backend.location()
    owner = await openStore(url, {now})
    const a = await owner.units.upsert({code: 'A', name: 'A市'}, o)
    const b = await owner.units.upsert({code: 'B', name: 'B市'}, o)
    const [ca, cb] = await owner.cases.importBatch([message('mine'), message('theirs')], o)
    await owner.cases.change(ca.id, {unitId: a.id}, {...o, action: 'assign'})
    await owner.cases.change(cb.id, {unitId: b.id}, {...o, action: 'assign'})
    await grantAccess(owner, {role: clerk, unit: 'A', actor: 'admin', now})
  })
  afterAll(async () => {
    await owner?.close()
    await backend.cleanup()
    await dropRoles([clerk])
  })

  it('importing a ref another unit holds is refused exactly as a new ref is: nothing tells it exists', async () => {
    const store = await openStore(as(clerk), {now})
    try {
      const refusal = (ref: string) => store.cases.importBatch([message(ref)], {actor: clerk, now}).then(() => 'imported', (e: Error) => e.message)
      const [theirs, fresh] = [await refusal('theirs'), await refusal('fresh')]
      expect(theirs).toBe(fresh)
      expect(theirs).not.toMatch(/duplicate|theirs/)
    } finally {
      await store.close()
    }
  })

  it('export --no-redact refused for a clerk leaves no file and says why', async () => {
    const out = join(dir, 'clerk-export.csv')
    const r = await runCommand(['export', '--no-redact', '--out', out], {store: as(clerk)})
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/--no-redact is for admins/)
    expect(r.stderr).not.toMatch(/drop --as/)
    expect(existsSync(out)).toBe(false)
    const ok = await runCommand(['export', '--out', out], {store: as(clerk)})
    expect(ok.status, ok.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(/留言 mine/)
  })
})
