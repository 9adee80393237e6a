import type {PostgresExecutor} from './executor.js'
import {termCodesLiteral} from '../sql/search-terms.js'
import {deferSearchIndex, restoreSearchIndex} from './deferred-search-index.js'

const BATCH = 2000

/**
 * Writes the search terms of cases that have none: cases stored before the index, copied in from
 * another store, or changed by SQL other than board's (017-search-index.ts). Until then such a case
 * is a candidate of every search, so this only makes searches faster; a role that may not update
 * every case leaves the rest to the next run. Returns how many it filled.
 */
export async function fillSearchTerms(db: PostgresExecutor): Promise<number> {
  let filled = 0
  let after = 0
  let deferred = false
  try {
    // Many at once (a store from before the index, a copy): the GIN index is built after, in one pass.
    const many = await db.get<{n: number}>('SELECT count(*) AS n FROM (SELECT 1 FROM cases WHERE search_terms IS NULL LIMIT ?) m', [MANY + 1])
    if (Number(many?.n ?? 0) > MANY) deferred = await deferSearchIndex(db, Number.MAX_SAFE_INTEGER)
    for (;;) {
      const done = await db.transaction(async (tx) => {
        // Locked until the batch is written: an edit meanwhile cannot be overwritten by stale terms.
        const rows = await tx.all<{id: number; title: string; body: string}>(
          'SELECT id, title, body FROM cases WHERE search_terms IS NULL AND id > ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED',
          [after, BATCH],
        )
        if (rows.length === 0) return true
        const values = rows.map(() => '(CAST(? AS INTEGER), CAST(? AS integer[]))').join(', ')
        const params = rows.flatMap((r) => [Number(r.id), termCodesLiteral(r.title, r.body)])
        const r = await tx.run(`UPDATE cases c SET search_terms = v.terms FROM (VALUES ${values}) v(id, terms) WHERE c.id = v.id`, params)
        filled += r.changes
        after = Number(rows.at(-1)!.id)
        return false
      })
      if (done) return filled
    }
  } catch {
    return filled
  } finally {
    if (deferred) await restoreSearchIndex(db, {onlyAbandoned: false})
  }
}

const MANY = 50_000
