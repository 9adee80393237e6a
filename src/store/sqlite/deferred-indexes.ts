import {running, thisProcess} from '../sql/bulk-note.js'
import type {Executor} from '../sql/executor.js'
import {SEARCH_NOTE} from './search-queue.js'

// Bulk loads without the indexes that rows enter in random order. The statistics index leads with
// posted_at, and an export's rows are spread over years: once the index outgrows SQLite's page
// cache, every insert rewrites one of its pages, which at a million rows costs more than the rest
// of the import's writes. Built again in one sorted pass, it costs a fraction of that. Worth it only
// when the load is large beside what is stored: the rebuild sorts every case, old ones included.

/** Indexes left out during a bulk load. */
const DEFERRABLE = ['cases_stats']
/** Below this many expected rows, maintaining the index is cheap enough. */
const MIN_ROWS = 50_000

/**
 * Drops the deferrable indexes when expectedRows new cases warrant it, noting each one's DDL (and
 * this process) in deferred_indexes first, in the same transaction. Returns whether it did.
 */
export async function deferIndexes(db: Executor, expectedRows: number): Promise<boolean> {
  if (expectedRows < MIN_ROWS) return false
  return db.transaction(async (tx) => {
    const stored = Number((await tx.get<{n: number | null}>('SELECT max(id) AS n FROM cases'))?.n ?? 0)
    if (expectedRows < stored) return false
    let deferred = false
    for (const name of DEFERRABLE) {
      const row = await tx.get<{sql: string}>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name])
      if (!row) continue
      await tx.run('INSERT INTO deferred_indexes (name, ddl, pid, host) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING', [name, row.sql, thisProcess().pid, thisProcess().host])
      await tx.exec(`DROP INDEX ${name}`)
      deferred = true
    }
    return deferred
  })
}

/**
 * Builds the noted indexes again and clears their notes. With `onlyAbandoned`, a note whose process
 * is still running on this host is left alone: that import is not finished.
 */
export async function restoreIndexes(db: Executor, opts: {onlyAbandoned: boolean}): Promise<string[]> {
  const notes = await db.all<{name: string; pid: number; host: string}>('SELECT name, pid, host FROM deferred_indexes WHERE name <> ?', [SEARCH_NOTE])
  const due = notes.filter((n) => !opts.onlyAbandoned || !running(n.pid, n.host))
  if (due.length === 0) return []
  // The build sorts every case; with temporary files in memory (the store's setting, for the
  // statement journals of inserts) that sort would hold them all in RAM.
  await db.exec('PRAGMA temp_store = FILE')
  try {
    return await build(db, due)
  } finally {
    await db.exec('PRAGMA temp_store = MEMORY')
  }
}

function build(db: Executor, due: {name: string}[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    const built: string[] = []
    for (const {name} of due) {
      const note = await tx.get<{ddl: string}>('SELECT ddl FROM deferred_indexes WHERE name = ?', [name])
      if (!note) continue // another process restored it meanwhile
      const exists = await tx.get("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [name])
      if (!exists) await tx.exec(note.ddl)
      await tx.run('DELETE FROM deferred_indexes WHERE name = ?', [name])
      built.push(name)
    }
    return built
  })
}

/** Names of indexes a bulk load has out at the moment (doctor shows them). */
export async function deferredIndexNames(db: Executor): Promise<string[]> {
  return (await db.all<{name: string}>('SELECT name FROM deferred_indexes WHERE name <> ? ORDER BY name', [SEARCH_NOTE])).map((r) => r.name)
}
