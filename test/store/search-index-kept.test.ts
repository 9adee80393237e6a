import Database from 'better-sqlite3'
import {hostname} from 'node:os'
import pg from 'pg'
import {afterAll, describe, expect, it} from 'vitest'

import {openStore} from '../../src/store/open.js'
import {codesLiteral, queryTerms} from '../../src/store/sql/search-terms.js'
import {type Backend, backendList} from '../helpers/backends.js'
import {incoming as message} from '../replies/fixtures.js'

// The index is kept, not merely bypassed: a case board edits is indexed in the same transaction;
// imported cases, and cases written by other SQL, wait as candidates of every search until a
// catch-up (board db search-index, which an import starts) indexes them; one catch-up runs at a time.

const now = new Date('2024-03-01T02:00:00Z')
const actor = {actor: 'clerk', now}

const incoming = (ref: string, title: string, body: string) => message(ref, {title, body, author: null})
/** A pid no process has (above Linux's pid_max). */
const DEAD_PID = 2 ** 22 + 12345

/** Cases the index does not hold yet (SQLite: queued; PostgreSQL: without terms), and raw SQL on the store. */
async function raw(backend: Backend, location: string) {
  if (backend.name === 'sqlite') {
    return {
      unindexed: async () => {
        const db = new Database(location, {readonly: true})
        try {
          return (db.prepare('SELECT count(*) AS n FROM search_pending').get() as {n: number}).n
        } finally {
          db.close()
        }
      },
      indexedFor: async (term: string) => {
        const db = new Database(location, {readonly: true})
        try {
          return (db.prepare('SELECT rowid AS id FROM cases_search WHERE cases_search MATCH ? ORDER BY rowid').all(`"${term}"`) as {id: number}[]).map((r) => r.id)
        } finally {
          db.close()
        }
      },
      exec: async (sql: string) => {
        const db = new Database(location)
        try {
          db.exec(sql)
        } finally {
          db.close()
        }
      },
    }
  }
  const url = new URL(location)
  const schema = url.searchParams.get('schema')!
  url.search = ''
  const query = async <T,>(sql: string, params: unknown[] = []) => {
    const c = new pg.Client({connectionString: url.toString()})
    await c.connect()
    try {
      await c.query(`SET search_path TO "${schema}"`)
      return (await c.query(sql, params)).rows as T[]
    } finally {
      await c.end()
    }
  }
  return {
    unindexed: async () => Number((await query<{n: string}>('SELECT count(*) AS n FROM cases WHERE search_terms IS NULL'))[0].n),
    indexedFor: async (term: string) =>
      (await query<{id: number}>('SELECT id FROM cases WHERE search_terms @> CAST($1 AS integer[]) ORDER BY id', [codesLiteral(queryTerms(term)!)])).map((r) => Number(r.id)),
    exec: async (sql: string) => void (await query(sql)),
  }
}

describe.each(backendList)('search index kept on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('indexes what board edits in the same write, and imported cases at the catch-up', async () => {
    const location = await backend.location()
    const store = await openStore(location, {now})
    const db = await raw(backend, location)
    try {
      await store.cases.importBatch([incoming('1', '烟道堵塞', '油烟倒灌'), incoming('2', '噪音', '夜间施工')], actor)
      expect(await db.unindexed()).toBe(2)
      const [one] = await store.cases.list({search: '烟道'})
      expect(await store.catchUpSearch({batch: 1})).toEqual({indexed: 2, busy: false})
      expect(await db.unindexed()).toBe(0)
      expect(await db.indexedFor('烟道')).toEqual([one.id])
      await store.cases.change(one.id, {body: '学籍问题'}, {actor: 'clerk', now, action: 'edit'})
      expect(await db.unindexed()).toBe(0)
      expect(await db.indexedFor('学籍')).toEqual([one.id])
      expect(await db.indexedFor('油烟')).toEqual([])
      await store.cases.importBatch([incoming('2', '噪音扰民', '夜间施工')], actor)
      expect(await db.unindexed()).toBe(1)
      expect((await store.cases.list({search: '扰民'})).map((c) => c.ref)).toEqual(['2'])
      await store.catchUpSearch({batch: 10})
      expect(await db.unindexed()).toBe(0)
      expect((await db.indexedFor('扰民')).length).toBe(1)
    } finally {
      await store.close()
    }
  })

  it('takes in cases queued while it runs (a small import beside a large one)', async () => {
    const location = await backend.location()
    const store = await openStore(location, {now})
    try {
      await store.cases.importBatch([incoming('1', '烟道堵塞', '油烟倒灌'), incoming('2', '噪音', '夜间施工')], actor)
      let imported = false
      const r = await store.catchUpSearch({
        batch: 10,
        onBatch: async () => {
          if (!imported) await store.cases.importBatch([incoming('3', '学籍', '转学'), incoming('4', '路灯', '不亮')], actor)
          imported = true
          return true
        },
      })
      expect(r).toEqual({indexed: 4, busy: false})
      expect(await store.searchWaiting()).toBe(0)
    } finally {
      await store.close()
    }
  })

  it('finds what other SQL wrote, and indexes it at the next catch-up', async () => {
    const location = await backend.location()
    const store = await openStore(location, {now})
    try {
      await store.cases.importBatch([incoming('1', '烟道堵塞', '油烟倒灌')], actor)
      await store.catchUpSearch({batch: 10})
      const db = await raw(backend, location)
      await db.exec("UPDATE cases SET title = '学籍转移' WHERE ref = '1'")
      expect(await db.unindexed()).toBe(1)
      expect((await store.cases.list({search: '学籍'})).map((c) => c.ref)).toEqual(['1'])
      expect((await store.cases.list({search: '烟道'})).map((c) => c.ref)).toEqual([])
      await store.catchUpSearch({batch: 10})
      expect(await db.unindexed()).toBe(0)
      expect((await db.indexedFor('学籍')).length).toBe(1)
      expect(await db.indexedFor('烟道')).toEqual([])
    } finally {
      await store.close()
    }
  })
})

describe('one catch-up at a time', () => {
  const sqlite = backendList.find((b) => b.name === 'sqlite')!
  const postgres = backendList.find((b) => b.name === 'postgres')
  afterAll(async () => {
    await sqlite.cleanup()
    await postgres?.cleanup()
  })

  it('SQLite: a live catch-up\'s note turns another away; a dead one\'s does not', async () => {
    const location = await sqlite.location()
    const store = await openStore(location, {now})
    try {
      await store.cases.importBatch([incoming('1', '烟道堵塞', '油烟倒灌')], actor)
      const note = (pid: number) => `INSERT OR REPLACE INTO deferred_indexes (name, ddl, pid, host) VALUES ('cases_search', '', ${pid}, '${hostname()}')`
      const db = await raw(sqlite, location)
      await db.exec(note(process.ppid))
      expect(await store.catchUpSearch({batch: 10})).toEqual({indexed: 0, busy: true})
      expect(await store.searchWaiting()).toBe(1)
      await db.exec(note(DEAD_PID))
      expect(await store.catchUpSearch({batch: 10})).toEqual({indexed: 1, busy: false})
      expect(await store.searchWaiting()).toBe(0)
    } finally {
      await store.close()
    }
  })

  it.skipIf(!postgres)('PostgreSQL: a held lock turns another away; an index a dead catch-up left out is built', async () => {
    const location = await postgres!.location()
    const url = new URL(location)
    const schema = url.searchParams.get('schema')!
    url.search = ''
    const store = await openStore(location, {now})
    const c = new pg.Client({connectionString: url.toString()})
    await c.connect()
    try {
      await store.cases.importBatch([incoming('1', '烟道堵塞', '油烟倒灌')], actor)
      await c.query('SELECT pg_advisory_lock(hashtext($1))', [`board:${schema}:search`])
      expect(await store.catchUpSearch({batch: 10})).toEqual({indexed: 0, busy: true})
      await c.query('SELECT pg_advisory_unlock_all()')
      await c.query(`SET search_path TO "${schema}"`)
      const ddl = (await c.query("SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'cases_search'", [schema])).rows[0].indexdef
      await c.query('DROP INDEX cases_search')
      await c.query("INSERT INTO deferred_indexes (name, ddl, pid, host) VALUES ('cases_search', $1, $2, $3)", [ddl, DEAD_PID, hostname()])
      expect(await store.catchUpSearch({batch: 10})).toEqual({indexed: 1, busy: false})
      expect((await c.query("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = 'cases_search'", [schema])).rowCount).toBe(1)
      expect((await c.query('SELECT name FROM deferred_indexes')).rowCount).toBe(0)
    } finally {
      await c.end()
      await store.close()
    }
  })
})
