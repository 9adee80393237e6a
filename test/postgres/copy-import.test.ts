import {parse} from 'csv-parse/sync'
import {readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import pg from 'pg'
import {afterAll, describe, expect, it} from 'vitest'

import {importFiles, type ImportOptions, type ImportResult} from '../../src/import/import-service.js'
import {importTiming} from '../../src/services/stats/durations.js'
import {openStore} from '../../src/store/open.js'
import {PostgresExecutor} from '../../src/store/postgres/executor.js'
import {PostgresCases} from '../../src/store/postgres/postgres-cases.js'
import {catchUp, waiting} from '../../src/store/postgres/search-fill.js'
import type {Executor} from '../../src/store/sql/executor.js'
import {migrate} from '../../src/store/sql/migrate.js'
import {SqlStore} from '../../src/store/sql/sql-store.js'
import type {SearchCatchUp, Store} from '../../src/store/store.js'
import {backendList, PG_URL} from '../helpers/backends.js'
import {DATA} from '../helpers/run-cli.js'
import type {IncomingCase} from '../../src/domain/case.js'

const postgres = backendList.filter((b) => b.name === 'postgres')
const now = new Date('2024-01-01T00:00:00Z')
const tip = (f: string) => join(DATA, 'tipdm2020c', f)

function incoming(ref: string, over: Partial<IncomingCase> = {}): IncomingCase {
  return {
    source: 'test', ref, title: `标题 ${ref}`, body: '小区停水三天了', author: 'U1', contact: null, postedAt: '2024-02-28T01:00:00.000Z',
    region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
  }
}

function opts(files: string[], source: string): ImportOptions {
  return {files, source, tz: 'Asia/Shanghai', format: 'csv', rejectsPath: `${tmpdir()}/board-copy-rejects-${process.pid}.csv`, dryRun: false, actor: 'test', now: () => now}
}

async function dump(url: string): Promise<unknown> {
  const {executor} = await PostgresExecutor.connect(url)
  try {
    return {
      cases: await executor.all('SELECT * FROM cases ORDER BY id'),
      replies: await executor.all('SELECT * FROM replies ORDER BY id'),
      events: await executor.all('SELECT case_id, actor, at, action, before, after FROM events ORDER BY case_id, id'),
    }
  } finally {
    await executor.close()
  }
}

/** PostgreSQL through the shared SQL only: none of PostgresStore's own import paths. */
class SharedSqlStore extends SqlStore {
  constructor(location: string, private readonly pg: PostgresExecutor) {
    super('postgres', location, pg)
  }

  protected override bind(tx: Executor): Store {
    return new SharedSqlStore(this.location, tx as PostgresExecutor)
  }

  override searchWaiting() {
    return waiting(this.pg)
  }

  override catchUpSearch(opts: SearchCatchUp) {
    return catchUp(this.pg, opts)
  }
}

describe.each(postgres)('import through COPY on $name', (backend) => {
  const open: Store[] = []
  afterAll(async () => {
    for (const s of open) await s.close()
    await backend.cleanup()
  })

  it('the store imports through COPY and keeps awkward text intact', async () => {
    const store = await openStore(await backend.location(), {now})
    open.push(store)
    expect(store.cases).toBeInstanceOf(PostgresCases)
    const body = 'tab\there\nnew line\r\\N not null\\ back\\slash 留言'
    const [o] = await store.cases.importBatch([incoming('x1', {body, reply: {body: '', sentAt: null}, author: null})], {actor: 'a', now})
    const c = (await store.cases.get(o.id))!
    expect(c.body).toBe(body)
    expect(c.author).toBeNull()
    expect(c.status).toBe('replied')
    expect((await store.cases.replies(c.id))[0].body).toBe('')
  })

  it('a bulk load copies awkward text in intact, empty apart from NULL', async () => {
    const url = await backend.location()
    const store = await openStore(url, {now})
    open.push(store)
    const long = '长'.repeat(400_000) // more than one COPY chunk of UTF-8 on its own
    const rows = [
      incoming('a1', {title: 'tab\tin 标题', body: 'tab\there\nnew line\r\\N not null\\ back\\slash', author: '', contact: null, reply: {body: 'reply\\t\ttab', sentAt: null}}),
      incoming('a2', {title: '\u0001\u0007\u001b\u007f controls', body: long, author: null, contact: '', region: '岳麓区 😀'}),
      incoming('a3', {body: '', addressee: '\\', extra: {note: 'a\tb\\c\nd'}}),
    ]
    const outcomes = await store.cases.importBatch(rows, {actor: 'a', now, exclusive: true})
    expect(outcomes.map((o) => o.kind)).toEqual(['inserted', 'inserted', 'inserted'])
    const got = await Promise.all(outcomes.map(async (o) => (await store.cases.get(o.id))!))
    for (const [i, row] of rows.entries()) {
      expect(got[i]).toMatchObject({ref: row.ref, title: row.title, body: row.body, author: row.author, contact: row.contact, region: row.region, addressee: row.addressee})
    }
    const stored = (await dump(url)) as {cases: {extra: string | null}[]}
    expect(JSON.parse(stored.cases[2].extra!)).toEqual({note: 'a\tb\\c\nd'})
    expect((await store.cases.replies(got[0].id))[0].body).toBe('reply\\t\ttab')
    const events = await store.events.forCase(got[1].id)
    expect(events.map((e) => e.action)).toEqual(['import.create'])
  })

  it('a bulk load of a new source copies its first file in unlooked-up, and judges the next file against it', async () => {
    const url = await backend.location()
    const store = await openStore(url, {now})
    open.push(store)
    // Two files sharing refs: the second file's rows are stored ones, found and judged.
    const first = `${tmpdir()}/board-copy-new-source-${process.pid}.csv`
    const lines = readFileSync(tip('labeled_messages.csv'), 'utf8').split('\n')
    writeFileSync(first, lines.slice(0, 101).join('\n'))
    const run = () => importFiles(store, {...opts([first, tip('labeled_messages.csv')], 'fresh'), batchSize: 30, parallelFrom: 0})
    const once = await run()
    const [a, b] = once.files
    expect(a.inserted).toBeGreaterThan(90)
    expect(a.inserted).toBe(a.read - a.rejected)
    expect([b.unchanged, b.inserted]).toEqual([a.inserted, b.read - b.rejected - a.inserted])
    const again = await run()
    expect(again.files.map((f) => f.inserted)).toEqual([0, 0])
    rmSync(first)
    const events = (await dump(url)) as {events: {action: string}[]; cases: unknown[]}
    expect(events.events.filter((e) => e.action === 'import.create')).toHaveLength(events.cases.length)
  })

  /** A store that imports by COPY, and one over the same schema through the shared SQL path. */
  async function twoStores() {
    const copyUrl = await backend.location()
    const sharedUrl = await backend.location()
    const copyStore = await openStore(copyUrl, {now})
    open.push(copyStore)
    const {executor} = await PostgresExecutor.connect(sharedUrl)
    await migrate(executor, now)
    const shared = new SharedSqlStore(sharedUrl, executor)
    open.push(shared)
    return {copyUrl, sharedUrl, copyStore, shared}
  }

  it('writes the same cases, replies and events as the shared SQL path', async () => {
    const {copyUrl, sharedUrl, copyStore, shared} = await twoStores()
    // 50 labeled rows with a new category, and a fresh ref: updates and an insert in one batch
    const lines = readFileSync(tip('labeled_messages.csv'), 'utf8').split('\n')
    const changed = `${tmpdir()}/board-copy-changed-${process.pid}.csv`
    const fresh = lines[60].replace(/^\d+/, '99999999')
    writeFileSync(changed, [lines[0], ...lines.slice(1, 51).map((l) => l.replace(/,([^,]+)$/, ',交通运输')), fresh].join('\n'))
    const results: ImportResult[] = []
    for (const store of [copyStore, shared]) {
      results.push(await importFiles(store, opts([tip('labeled_messages.csv'), tip('replied_messages.csv')], 'one')))
      results.push(await importFiles(store, opts([changed, tip('replied_messages.csv')], 'one')))
    }
    expect(results[0].files).toHaveLength(2)
    expect(results[0].files[1].conflicts).toBe(3)
    const strip = (r: (typeof results)[number]) => r.files.map(({seconds, rowsPerSecond, ...f}) => f)
    expect(strip(results[0])).toEqual(strip(results[2]))
    expect(strip(results[1])).toEqual(strip(results[3]))
    expect(results[1].files[0]).toMatchObject({updated: 47, inserted: 1}) // 3 of the 50 already had that category
    expect(await dump(copyUrl)).toEqual(await dump(sharedUrl))
  })

  it('a bulk load copies in the same cases, handling times included, as the shared SQL path writes', async () => {
    const {copyUrl, sharedUrl, copyStore, shared} = await twoStores()
    for (const store of [copyStore, shared]) {
      const timing = await importTiming(store, 'Asia/Shanghai')
      expect(timing).toBeDefined()
      // Replied rows: their respond days are worked out as the rows go in.
      await importFiles(store, {...opts([tip('replied_messages.csv')], 'timed'), timing})
    }
    const copied = (await dump(copyUrl)) as {cases: {respond_days: number | null; source: string}[]}
    expect(copied.cases.filter((c) => c.respond_days !== null).length).toBeGreaterThan(0)
    // Copied, not merged: no case has an event but its import.create.
    expect(await dump(copyUrl)).toEqual(await dump(sharedUrl))
  })

  it('a large import on two connections writes what one writes, counts and rejects in file order, and runs again unchanged', async () => {
    const urls = [await backend.location(), await backend.location()]
    const stores = [await openStore(urls[0], {now}), await openStore(urls[1], {now})]
    open.push(...stores)
    const files = [tip('labeled_messages.csv'), tip('replied_messages.csv')]
    const runs: {result: Awaited<ReturnType<typeof importFiles>>; rejects: string}[][] = []
    for (const [i, store] of stores.entries()) {
      const rejectsPath = `${tmpdir()}/board-copy-lanes-${process.pid}-${i}.csv`
      const o = {...opts(files, 'one'), rejectsPath, batchSize: 50, parallelFrom: i === 0 ? 0 : Infinity}
      const once = async () => ({result: await importFiles(store, o), rejects: readFileSync(rejectsPath, 'utf8')})
      runs.push([await once(), await once()])
    }
    const strip = (r: Awaited<ReturnType<typeof importFiles>>) => r.files.map(({seconds, rowsPerSecond, ...f}) => f)
    const [two, one] = runs
    expect(strip(two[0].result)).toEqual(strip(one[0].result))
    expect(two[0].result.files[1]).toMatchObject({conflicts: 3})
    const noIds = (text: string) => text.replace(/case #\d+/g, 'case #')
    expect(noIds(two[0].rejects)).toBe(noIds(one[0].rejects))
    expect(strip(two[1].result)).toEqual(strip(one[1].result))
    expect(two[1].result.files.map((f) => f.unchanged)).toEqual(two[1].result.files.map((f) => f.read - f.rejected))
    // Cases, replies and events alike but for ids (the two connections draw them in turn).
    const byRef = async (store: Store) => {
      const [cases, events] = await Promise.all([store.cases.list({limit: 10_000}), store.events.recent({limit: 100_000})])
      return {cases: cases.map(({id, ...c}) => c).sort((a, b) => a.ref.localeCompare(b.ref)), events: events.length}
    }
    expect(await byRef(stores[0])).toEqual(await byRef(stores[1]))
    // And it did write on two connections: file order's first two batches are two transactions.
    const refs = (parse(readFileSync(files[0]), {bom: true}) as string[][]).slice(1, 101).map((r) => r[0])
    const xmin = async (url: string, some: string[]) => {
      const {executor} = await PostgresExecutor.connect(url)
      try {
        const rows = await executor.all<{x: string}>("SELECT DISTINCT xmin::text AS x FROM cases WHERE source = 'one' AND ref = ANY(?)", [some as unknown as string]) // pg binds a JS array as an array
        return rows.map((r) => r.x)
      } finally {
        await executor.close()
      }
    }
    const [first, second] = [await xmin(urls[0], refs.slice(0, 50)), await xmin(urls[0], refs.slice(50, 100))]
    expect(first).toHaveLength(1)
    expect(second).toHaveLength(1)
    expect(first).not.toEqual(second)
    expect(await xmin(urls[1], refs.slice(0, 100))).toHaveLength(1)
  })

  it('a role allowed one connection imports a large file on that one', async () => {
    const role = `board_t_one_${process.pid}`
    const schema = `t_one_${process.pid}_${Date.now().toString(36)}`
    const admin = new pg.Client({connectionString: PG_URL})
    await admin.connect()
    try {
      await admin.query(`DROP ROLE IF EXISTS ${role}`)
      await admin.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 1`)
      await admin.query(`CREATE SCHEMA ${schema} AUTHORIZATION ${role}`)
      const url = new URL(PG_URL)
      url.username = role
      url.searchParams.set('schema', schema)
      const store = await openStore(url.toString(), {now})
      try {
        expect(await store.parallelWriters(1)).toEqual([])
        const result = await importFiles(store, {...opts([tip('replied_messages.csv')], 'one'), batchSize: 50, parallelFrom: 0})
        expect(result.files[0]).toMatchObject({inserted: 857, rejected: 0})
      } finally {
        await store.close()
      }
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await admin.query(`DROP ROLE IF EXISTS ${role}`)
      await admin.end()
    }
  })
})
