import type {Param} from '../sql/executor.js'
import {SEARCH_TERMS} from './functions.js'

// The SQLite search index is fed from a queue (017-search-index.ts): triggers queue every new or
// changed case in search_pending; these statements index queued cases with their terms (made by
// board's own function, which only board's connections have) and take them off the queue.

/** The note a large import leaves in deferred_indexes while it indexes its cases at the end. */
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
 * Indexes every queued case: the end of a large import, or what other SQL queued. FTS5 would merge
 * its segments again and again as they pile up during one large insert (automerge, and a crisis
 * merge past crisismerge segments): that rewriting cost more than the inserts themselves. It is
 * off for the insert; after it, segments are merged a little at each later write (automerge), and
 * a crisis merge waits for more segments than one bulk insert leaves, so that no clerk's edit
 * pays for merging the whole index at once. A larger in-memory hash writes fewer, larger segments.
 */
export const INDEX_QUEUE = [
  `INSERT INTO cases_search (cases_search, rank) VALUES ('automerge', 0)`,
  `INSERT INTO cases_search (cases_search, rank) VALUES ('crisismerge', ${CRISIS_MERGE})`,
  `INSERT INTO cases_search (cases_search, rank) VALUES ('hashsize', ${HASH_BYTES})`,
  ...indexing('1 = 1'),
  `INSERT INTO cases_search (cases_search, rank) VALUES ('automerge', 4)`,
].join(';\n')

/**
 * Indexes the given cases if queued, in the transaction that wrote them; not while a large import
 * on this store indexes everything at its end.
 */
export function indexWritten(ids: readonly number[]): {sql: string; params: Param[]}[] {
  if (ids.length === 0) return []
  const list = JSON.stringify(ids)
  return WRITTEN.map((sql) => ({sql, params: [list]}))
}

const WRITTEN = indexing(`p.case_id IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM deferred_indexes WHERE name = '${SEARCH_NOTE}')`)

/** Whether cases wait to be indexed with no large import on it (that import indexes them at its end). */
export const QUEUE_WAITING = `SELECT 1 AS ok FROM search_pending WHERE NOT EXISTS (SELECT 1 FROM deferred_indexes WHERE name = '${SEARCH_NOTE}') LIMIT 1`
