import type {SearchCatchUp, SearchCatchUpResult} from '../store.js'
import {termCodesLiteral} from '../sql/search-terms.js'
import {deferSearchIndex, restoreSearchIndex} from './deferred-search-index.js'
import type {PostgresExecutor} from './executor.js'

// A case whose search terms are NULL is not yet indexed (017-search-index.ts): an import's cases,
// cases stored before the index or copied in, or changed by SQL other than board's. Until its
// terms are written it is a candidate of every search, so catching up only makes searches faster.

/** Above this many waiting cases, the GIN index is built again in one pass after they are filled. */
const MANY = 50_000
/** After filling this many, the old row versions are vacuumed at once (see vacuum()). */
const VACUUM_AFTER = 10_000

export async function waiting(db: PostgresExecutor): Promise<number> {
  return Number((await db.get<{n: number}>('SELECT count(*) AS n FROM cases WHERE search_terms IS NULL'))?.n ?? 0)
}

/** Writes the terms of waiting cases, oldest first, opts.batch a transaction; one process at a time. */
export async function catchUp(db: PostgresExecutor, opts: SearchCatchUp): Promise<SearchCatchUpResult> {
  const key = `board:${db.schema ?? ''}:search`
  if (!(await db.get<{ok: boolean}>('SELECT pg_try_advisory_lock(hashtext(?)) AS ok', [key]))?.ok) return {indexed: 0, busy: true}
  let indexed = 0
  let deferred = false
  try {
    // An index that a catch-up which died left out is built first: the cases filled meanwhile are in it.
    await restoreSearchIndex(db, {onlyAbandoned: true}).catch(() => false)
    const many = await db.get<{n: number}>('SELECT count(*) AS n FROM (SELECT 1 FROM cases WHERE search_terms IS NULL LIMIT ?) m', [MANY + 1])
    // Only the table's owner may drop and build its indexes: anyone else fills the terms row by row.
    if (Number(many?.n ?? 0) > MANY) deferred = await deferSearchIndex(db).catch(() => false)
    let after = 0
    for (;;) {
      const n = await db.transaction(async (tx) => {
        // Locked until the batch is written: an edit meanwhile cannot be overwritten by stale terms.
        const rows = await tx.all<{id: number; title: string; body: string}>(
          'SELECT id, title, body FROM cases WHERE search_terms IS NULL AND id > ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED',
          [after, opts.batch],
        )
        if (rows.length === 0) return 0
        const values = rows.map(() => '(CAST(? AS INTEGER), CAST(? AS integer[]))').join(', ')
        const params = rows.flatMap((r) => [Number(r.id), termCodesLiteral(r.title, r.body)])
        await tx.run(`UPDATE cases c SET search_terms = v.terms FROM (VALUES ${values}) v(id, terms) WHERE c.id = v.id`, params)
        after = Number(rows.at(-1)!.id)
        return rows.length
      })
      indexed += n
      // Until a batch finds none: cases queued meanwhile (a small import beside this one) are taken too.
      if (n === 0 || (opts.onBatch && (await opts.onBatch(indexed)) === false)) break
    }
  } finally {
    try {
      if (deferred) await restoreSearchIndex(db, {onlyAbandoned: false})
      if (indexed >= VACUUM_AFTER) await vacuum(db)
    } finally {
      await db.get('SELECT pg_advisory_unlock(hashtext(?)) AS ok', [key])
    }
  }
  return {indexed, busy: false}
}

/**
 * Filling the terms writes a new version of each row, and the index of cases without terms still
 * points at every old one until a vacuum: a search reading it visits the whole table. Autovacuum
 * would come, in its own time; the catch-up does it now. A role that does not own the table gets
 * a warning from the server, not an error, and leaves it to autovacuum.
 */
async function vacuum(db: PostgresExecutor): Promise<void> {
  // Minutes at millions of cases: past the store's statement timeout and the client's own wait.
  await db.exec('SET statement_timeout = 0')
  try {
    await db.raw().query({text: 'VACUUM (ANALYZE) cases', query_timeout: 2 ** 31 - 1} as {text: string})
  } finally {
    await db.exec('RESET statement_timeout')
  }
}
