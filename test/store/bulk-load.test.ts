import Database from 'better-sqlite3'
import {afterAll, describe, expect, it} from 'vitest'

import {openStore} from '../../src/store/open.js'
import {backendList, freshStore} from '../helpers/backends.js'
import type {IncomingCase} from '../../src/domain/case.js'

const now = new Date('2024-03-01T02:00:00Z')
const actor = {actor: 'clerk', now}

const incoming = (ref: string, over: Partial<IncomingCase> = {}): IncomingCase => ({
  source: 'test', ref, title: `标题 ${ref}`, body: '小区停水三天了', author: 'U1', contact: null,
  postedAt: '2024-02-28T01:00:00.000Z', region: null, addressee: null, type: null, category: null,
  likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
})

describe.each(backendList)('bulk load on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('keeps every query working, and ends with the store as it was', async () => {
    const store = await freshStore(backend)
    try {
      const end = await store.bulkLoad(1_000_000)
      await store.cases.importBatch([incoming('1'), incoming('2', {category: '城乡建设'})], actor)
      expect((await store.cases.list({category: '城乡建设'})).map((c) => c.ref)).toEqual(['2'])
      await end()
      const rows = await store.stats.aggregate({by: ['category'], filter: {}, tz: 'Asia/Shanghai', now: now.toISOString()})
      expect(rows.map((r) => r.count).reduce((a, b) => a + b, 0)).toBe(2)
    } finally {
      await store.close()
    }
  })
})

describe('bulk load on SQLite', () => {
  const sqlite = backendList.find((b) => b.name === 'sqlite')!
  afterAll(() => sqlite.cleanup())
  const indexes = (path: string) => {
    const db = new Database(path, {readonly: true})
    try {
      return {
        stats: db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'cases_stats'").get() as {n: number},
        notes: db.prepare('SELECT name, pid FROM deferred_indexes').all() as {name: string; pid: number}[],
      }
    } finally {
      db.close()
    }
  }

  it('leaves the statistics index out while a large load runs, noted, and builds it again after', async () => {
    const path = await sqlite.location()
    const store = await openStore(path, {now})
    try {
      const end = await store.bulkLoad(200_000)
      expect(indexes(path)).toEqual({stats: {n: 0}, notes: [{name: 'cases_stats', pid: process.pid}]})
      expect((await store.check()).find((c) => c.name === 'indexes')).toMatchObject({ok: true, detail: expect.stringContaining('cases_stats')})
      await store.cases.importBatch([incoming('1')], actor)
      await end()
      expect(indexes(path)).toEqual({stats: {n: 1}, notes: []})
    } finally {
      await store.close()
    }
  })

  it('keeps the index for a small load, or one small beside what is stored', async () => {
    const path = await sqlite.location()
    const store = await openStore(path, {now})
    try {
      await (await store.bulkLoad(10_000))()
      expect(indexes(path).notes).toEqual([])
      const db = new Database(path)
      // as if 500,000 cases were stored
      db.prepare("INSERT INTO cases (id, source, ref, title, posted_at, created_at, updated_at) VALUES (500000, 'x', 'x', 't', '2024-01-01T00:00:00.000Z', '', '')").run()
      db.close()
      const end = await store.bulkLoad(100_000)
      expect(indexes(path)).toEqual({stats: {n: 1}, notes: []})
      await end()
    } finally {
      await store.close()
    }
  })

  it("inserts a new source's rows without looking them up only while no other connection writes", async () => {
    const path = await sqlite.location()
    const store = await openStore(path, {now})
    try {
      const since = await store.cases.writeMark()
      expect(since).not.toBeNull()
      const opts = {...actor, newRefs: true, newRefsSince: since!}
      expect((await store.cases.importBatch([incoming('1')], opts)).map((o) => o.kind)).toEqual(['inserted'])
      expect(await store.cases.writeMark()).toBe(since) // its own writes do not count
      // Another process takes ref 2 of the source between two batches.
      const db = new Database(path)
      db.prepare("INSERT INTO cases (source, ref, title, posted_at, created_at, updated_at) VALUES ('test', '2', 'other', '2024-01-01T00:00:00.000Z', '', '')").run()
      db.close()
      expect((await store.cases.importBatch([incoming('2'), incoming('3')], opts)).map((o) => o.kind)).toEqual(['conflict', 'inserted'])
    } finally {
      await store.close()
    }
  })

  it('builds an index a dead import left out when the store is next opened; not one a live import has out', async () => {
    const path = await sqlite.location()
    const first = await openStore(path, {now})
    await first.bulkLoad(200_000) // and never ended, as if killed
    await first.close()
    const db = new Database(path)
    db.prepare('UPDATE deferred_indexes SET pid = ?').run(process.ppid) // a live process still loading
    db.close()
    await (await openStore(path, {now})).close()
    expect(indexes(path)).toEqual({stats: {n: 0}, notes: [{name: 'cases_stats', pid: process.ppid}]})

    const gone = 2 ** 22 + 12345 // above Linux's default pid_max: no such process
    const db2 = new Database(path)
    db2.prepare('UPDATE deferred_indexes SET pid = ?').run(gone)
    db2.close()
    const reopened = await openStore(path, {now})
    expect((await reopened.check()).find((c) => c.name === 'indexes')).toBeUndefined()
    await reopened.close()
    expect(indexes(path)).toEqual({stats: {n: 1}, notes: []})
  })
})
