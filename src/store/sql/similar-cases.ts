import type {Executor} from './executor.js'
import {caseTerms, queryTerms} from './search-terms.js'

// Messages like a given text, through the search index: the cases that share the most of its
// distinctive terms. A term is distinctive when few cases hold it; the index says so by running
// out before RARE rows. Common pairs (问题, 小区) would make every case a candidate and tell
// nothing, so they are left out. The caller judges the candidates (duplicates.ts scores them).
// Cases still waiting to be indexed are not ranked (after a large import, until its catch-up):
// callers read the newest cases of their window as well.

/** A term held by more cases than this tells too little to be worth reading. */
const RARE = 200
/** The text's first this many pairs are asked about: the title's, then the body's opening. */
const MAX_TERMS = 48

export interface SimilarOpts {
  /** At most this many candidates, most terms shared first. */
  limit: number
  /** Leave this case out (the text's own). */
  excludeId?: number
}

/** Ids of the cases sharing the most distinctive terms with title and body, most first. */
export async function similarIds(db: Executor, title: string, body: string, opts: SimilarOpts): Promise<number[]> {
  const pairs = caseTerms(title, body)
    .split(' ')
    .filter((t) => [...t].length === 2)
    .slice(0, MAX_TERMS)
  const shared = new Map<number, number>()
  for (const pair of pairs) {
    const q = queryTerms(pair)
    if (!q) continue
    const ids = q && db.dialect.search.indexedIds(q)
    if (!ids) continue
    const rows = await db.all<{id: number}>(`SELECT id FROM (${ids.sql}) t LIMIT ?`, [...ids.params, RARE + 1])
    if (rows.length > RARE) continue
    for (const r of rows) {
      const id = Number(r.id)
      if (id !== opts.excludeId) shared.set(id, (shared.get(id) ?? 0) + 1)
    }
  }
  return [...shared]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, opts.limit)
    .map(([id]) => id)
}
