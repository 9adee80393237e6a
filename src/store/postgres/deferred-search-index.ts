import type {Executor} from '../sql/executor.js'
import type {PostgresExecutor} from './executor.js'
import {running, thisProcess} from '../sql/bulk-note.js'

// A large catch-up of the search index (search-fill.ts) leaves the GIN index of each case's few
// hundred terms out and builds it again at the end: kept row by row, every batch merges its terms
// into the index, a few times slower than writing them; built in one pass, the terms are sorted
// first. Noted in deferred_indexes like SQLite's deferred indexes, so a catch-up that dies leaves
// a note the next one acts on.

const NAME = 'cases_search'
export async function deferSearchIndex(db: Executor): Promise<boolean> {
  return db.transaction(async (tx) => {
    const index = await tx.get<{ddl: string}>('SELECT indexdef AS ddl FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?', [NAME])
    if (!index) return false
    const me = thisProcess()
    await tx.run('INSERT INTO deferred_indexes (name, ddl, pid, host) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING', [NAME, index.ddl, me.pid, me.host])
    await tx.exec(`DROP INDEX ${NAME}`)
    return true
  })
}

/** Builds the index again if a note says it is out (with onlyAbandoned, not while its import runs). */
export async function restoreSearchIndex(db: PostgresExecutor, opts: {onlyAbandoned: boolean}): Promise<boolean> {
  const note = await db.get<{ddl: string; pid: number; host: string}>('SELECT ddl, pid, host FROM deferred_indexes WHERE name = ?', [NAME])
  if (!note || (opts.onlyAbandoned && running(Number(note.pid), note.host))) return false
  return db.transaction(async (tx) => {
    const again = await tx.get<{ddl: string}>('SELECT ddl FROM deferred_indexes WHERE name = ? FOR UPDATE', [NAME])
    if (!again) return false // another process built it meanwhile
    // The build sorts every case's terms: more memory than the default 64 MB saves passes over disk.
    // It takes minutes at millions of cases, past the store's statement timeout for clerks' queries.
    await tx.exec("SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL statement_timeout = 0")
    if (!(await tx.get('SELECT 1 AS ok FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?', [NAME]))) {
      // Past the client's own wait for a query too (the statement timeout and 10 s): pg reads
      // query_timeout from a query's config, though its types leave it out. Same session.
      await db.raw().query({text: again.ddl, query_timeout: 2 ** 31 - 1} as {text: string})
    }
    await tx.run('DELETE FROM deferred_indexes WHERE name = ?', [NAME])
    return true
  })
}
