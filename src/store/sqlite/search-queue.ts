import {running, thisProcess} from '../sql/bulk-note.js'
import type {Executor, Param} from '../sql/executor.js'
import type {SearchCatchUp, SearchCatchUpResult} from '../store.js'
import {SEARCH_TERMS} from './functions.js'

// The SQLite search index is fed from a queue (017-search-index.ts): triggers queue every new or
// changed case in search_pending, and a queued case is a candidate of every search until it is
// indexed. Indexing is the dear part (a few hundred terms a case); an import leaves its cases
// queued and they are indexed after it, a batch a transaction (catchUp), so that neither the
// import nor a clerk's write waits for the whole of it. Terms are made by board's own function,
// which only board's connections have.

/** The note in deferred_indexes while a process catches the index up: one at a time. */
export const SEARCH_NOTE = 'cases_search'

/** Segments of one level that make the next write merge them all (FTS5's default is 16). */
const CRISIS_MERGE = 1000
/** FTS5's in-memory hash of terms before it writes a segment (its default is 1 MB). */
const HASH_BYTES = 8 << 20

/** Statements that index the queued cases `which` selects among search_pending p. */
function indexing(which: string): string[] {
  return [
    `DELETE FROM cases_search WHERE rowid IN (SELECT p.case_id FROM search_pending p WHERE p.indexed = 1 AND ${which})`,
    `INSERT INTO cases_search (rowid, terms)
      SELECT c.id, ${SEARCH_TERMS}(c.title, c.body) FROM search_pending p JOIN cases c ON c.id = p.case_id WHERE ${which}`,
    `DELETE FROM search_pending AS p WHERE ${which}`,
  ]
}

/**
 * FTS5 would merge its segments again and again as a catch-up adds them (automerge, and a crisis
 * merge past crisismerge segments): that rewriting costs more than the inserts themselves. It is
 * off while catching up; after, segments are merged a little at each later write (automerge),
 * and a crisis merge waits for more segments than a catch-up leaves, so that no clerk's edit pays
 * for merging the whole index at once. A larger in-memory hash writes fewer, larger segments.
 */
const BULK = [
  `INSERT INTO cases_search (cases_search, rank) VALUES ('automerge', 0)`,
  `INSERT INTO cases_search (cases_search, rank) VALUES ('crisismerge', ${CRISIS_MERGE})`,
  `INSERT INTO cases_search (cases_search, rank) VALUES ('hashsize', ${HASH_BYTES})`,
].join(';\n')
const AFTER_BULK = `INSERT INTO cases_search (cases_search, rank) VALUES ('automerge', 4)`

/** Indexes the given cases if queued, in the transaction that wrote them. */
export function indexWritten(ids: readonly number[]): {sql: string; params: Param[]}[] {
  if (ids.length === 0) return []
  const list = JSON.stringify(ids)
  return WRITTEN.map((sql) => ({sql, params: [list]}))
}

const WRITTEN = indexing('p.case_id IN (SELECT value FROM json_each(?))')

export async function waiting(db: Executor): Promise<number> {
  return Number((await db.get<{n: number}>('SELECT count(*) AS n FROM search_pending'))?.n ?? 0)
}

/** Indexes queued cases oldest first, opts.batch a transaction, unless another process is at it. */
export async function catchUp(db: Executor, opts: SearchCatchUp): Promise<SearchCatchUpResult> {
  const me = thisProcess()
  const claimed = await db.transaction(async (tx) => {
    const note = await tx.get<{pid: number; host: string}>('SELECT pid, host FROM deferred_indexes WHERE name = ?', [SEARCH_NOTE])
    if (note && !(Number(note.pid) === me.pid && note.host === me.host) && running(Number(note.pid), note.host)) return false
    await tx.run(
      'INSERT INTO deferred_indexes (name, ddl, pid, host) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET pid = excluded.pid, host = excluded.host',
      [SEARCH_NOTE, AFTER_BULK, me.pid, me.host],
    )
    await tx.exec(BULK)
    return true
  })
  if (!claimed) return {indexed: 0, busy: true}
  let indexed = 0
  try {
    for (;;) {
      const n = await db.transaction(async (tx) => {
        // The batch is the queue up to its opts.batch-th case: one bound for all three statements.
        const last = await tx.get<{id: number}>('SELECT case_id AS id FROM search_pending ORDER BY case_id LIMIT 1 OFFSET ?', [opts.batch - 1])
        const bound = last ? Number(last.id) : Number.MAX_SAFE_INTEGER
        const [dropOld, insert, dequeue] = BATCH
        await tx.run(dropOld, [bound])
        await tx.run(insert, [bound])
        return (await tx.run(dequeue, [bound])).changes
      })
      indexed += n
      // Until a batch finds none: cases queued meanwhile (a small import beside this one) are taken too.
      if (n === 0 || (opts.onBatch && (await opts.onBatch(indexed)) === false)) break
    }
  } finally {
    await db.transaction(async (tx) => {
      await tx.exec(AFTER_BULK)
      await tx.run('DELETE FROM deferred_indexes WHERE name = ? AND pid = ? AND host = ?', [SEARCH_NOTE, me.pid, me.host])
    })
  }
  return {indexed, busy: false}
}

const BATCH = indexing('p.case_id <= ?')
