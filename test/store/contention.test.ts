import {spawn} from 'node:child_process'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {importFiles} from '../../src/import/import-service.js'
import {openStore} from '../../src/store/open.js'
import {backendList} from '../helpers/backends.js'
import {ROOT} from '../helpers/run-cli.js'

const now = new Date('2024-05-01T00:00:00Z')
const o = {actor: 'admin', now}
const message = (ref: string): IncomingCase => ({
  source: 's', ref, title: `留言 ${ref}`, body: '路灯不亮', author: null, contact: null, postedAt: '2024-04-01T00:00:00.000Z',
  region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Another process holding SQLite's write lock for ms; resolves once it holds it. */
function holdWriteLock(file: string, ms: number): Promise<{done: Promise<number>}> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const script = `const D = require(${JSON.stringify(driver)}); const db = new D(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`
  const child = spawn(process.execPath, ['-e', script], {stdio: ['ignore', 'pipe', 'inherit']})
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)))
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({done}))
    child.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)))
  })
}

describe.each(backendList.filter((b) => b.name === 'sqlite'))('a busy store on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('a change waits for another process\'s long write instead of failing with "database is locked"', async () => {
    const file = await backend.location()
    const store = await openStore(file, {now})
    try {
      const [{id}] = await store.cases.importBatch([message('1')], o)
      // Longer than SQLite's own busy timeout ever was: the wait is board's.
      const holder = await holdWriteLock(file, 6000)
      const changed = await store.cases.change(id, {category: '城乡建设'}, {...o, action: 'edit'})
      expect(changed.category).toBe('城乡建设')
      expect(await holder.done).toBe(0)
    } finally {
      await store.close()
    }
  }, 30_000)
})

describe.each(backendList.filter((b) => b.name === 'sqlite'))('a long import and a clerk on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('the clerk\'s change gets in between the import\'s commits, not after the import', async () => {
    const {GroupCommit} = await import('../../src/import/write/group-commit.js')
    const file = await backend.location()
    const importer = await openStore(file, {now})
    const clerk = await openStore(file, {now})
    try {
      const [{id}] = await importer.cases.importBatch([message('0')], o)
      // twenty groups, each holding the write lock for 300 ms, begun again as soon as one commits
      const group = new GroupCommit(importer, 1)
      let importDone = 0
      const importing = (async () => {
        for (let i = 1; i <= 20; i++) {
          await group.write(async (tx) => {
            await tx.cases.importBatch([message(String(i))], o)
            await sleep(300)
          })
          await group.wrote(1)
        }
        importDone = Date.now()
      })()
      await sleep(100)
      await clerk.cases.change(id, {category: '城乡建设'}, {...o, action: 'edit'})
      const clerkDone = Date.now()
      await importing
      expect(clerkDone).toBeLessThan(importDone)
    } finally {
      await importer.close()
      await clerk.close()
    }
  }, 30_000)
})

describe.each(backendList.filter((b) => b.name === 'postgres'))('two imports of the same rows at once on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('both finish; the second counts the first one\'s rows as already there', async () => {
    const url = await backend.location()
    const first = await openStore(url, {now})
    const second = await openStore(url, {now})
    try {
      // The first import holds its new row uncommitted while the second one merges the same ref.
      let firstIn!: () => void
      const inserted = new Promise<void>((resolve) => (firstIn = resolve))
      const one = first.transaction(async (tx) => {
        const r = await tx.cases.importBatch([message('a')], o)
        firstIn()
        await sleep(800)
        return r
      })
      await inserted
      const two = await second.cases.importBatch([message('a'), message('b')], o)
      const [a] = await one
      expect(a.kind).toBe('inserted')
      expect(two).toEqual([{kind: 'unchanged', id: a.id}, {kind: 'inserted', id: expect.any(Number)}])
      expect(await first.cases.count({})).toBe(2)
      expect((await first.events.forCase(a.id)).map((e) => e.action)).toEqual(['import.create'])
    } finally {
      await first.close()
      await second.close()
    }
  }, 30_000)

  it('an import that is no bulk load waits for a running one, which copies its rows in unguarded', async () => {
    const url = await backend.location()
    const bulk = await openStore(url, {now})
    const small = await openStore(url, {now})
    try {
      const end = await bulk.bulkLoad(10_000)
      let done = false
      const waiting = small.cases.importBatch([message('w')], o).then(() => (done = true))
      await sleep(700)
      expect(done).toBe(false)
      await end()
      await waiting
      expect(await bulk.cases.count({})).toBe(1)
    } finally {
      await bulk.close()
      await small.close()
    }
  }, 30_000)

  it('two whole imports of one file, each on two connections, both finish and count every row once', async () => {
    const url = await backend.location()
    const stores = [await openStore(url, {now}), await openStore(url, {now})]
    try {
      const run = (s: (typeof stores)[number], i: number) => importFiles(s, {
        files: [join(ROOT, 'data', 'sample', 'messages.csv')], source: 'sample', tz: 'Asia/Shanghai', format: 'csv',
        rejectsPath: join(tmpdir(), `board-twice-${process.pid}-${i}.csv`), dryRun: false, actor: 'admin', now: () => now,
        batchSize: 50, parallelFrom: 0,
      })
      const [one, two] = (await Promise.all(stores.map(run))).map((r) => r.files[0])
      const stored = await stores[0].cases.count({})
      expect(one.inserted + two.inserted).toBe(stored)
      expect(one.unchanged + two.unchanged).toBe(stored)
    } finally {
      for (const s of stores) await s.close()
    }
  }, 60_000)
})
