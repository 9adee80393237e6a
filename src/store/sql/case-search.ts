import type {Case} from '../../domain/case.js'
import type {CaseFilter, SearchOrder} from '../cases.js'
import type {Executor, Param, Row} from './executor.js'
import {CASE_COLUMNS, CASE_FROM} from './rows.js'
import {queryTerms} from './search-terms.js'

// How `--search TEXT` finds its cases: the search index (017-search-index.ts) gives the candidates,
// and the substring match on title and body, or the exact ref, decides, so the answer is the one a
// scan of every case gives. Which way round depends on how many candidates there are: a few are
// read and sorted; more, the time index is walked newest first and only candidates are read; very
// many, cases are read newest first and each checked, and a page of matches comes after a few
// rows. PostgreSQL's planner weighs that itself from its statistics of the terms; SQLite's does
// not know how many rows an FTS5 query gives, so the store counts them, up to MANY.

export interface Clause {
  sql: string
  params: Param[]
}

export interface SearchPlan {
  /** A condition narrowing the cases read to the candidates, or null: read in time order and check. */
  narrow: Clause | null
  /** A subquery of the candidates' ids to read first (one row each), or null. */
  first: Clause | null
  /** The ORDER BY terms. */
  order: Clause
}

/** Up to this many candidates, reading each is quicker than walking the time index. */
const FEW = 1000
/** Above this many, a walk in time order meets a page of matches within a few rows, checking each. */
const MANY = 50_000

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (m) => '\\' + m)}%`

/** The meaning of --search, whatever narrows the cases first: a substring of title or body, or the exact ref. */
export function searchCheck(db: Executor, text: string): Clause {
  const like = likePattern(text)
  const op = db.dialect.ilike
  return {sql: `(c.title ${op} ? ESCAPE '\\' OR c.body ${op} ? ESCAPE '\\' OR c.ref = ?)`, params: [like, like, text]}
}

/** How to read the cases that searchCheck() keeps; counting when every match is wanted (a count, no limit). */
export async function planSearch(db: Executor, text: string, opts: {order: SearchOrder; counting: boolean}): Promise<SearchPlan> {
  const order = opts.order === 'relevance' ? relevance(db.dialect.ilike, likePattern(text), text) : {sql: 'c.posted_at DESC, c.id DESC', params: []}
  const terms = queryTerms(text)
  if (!terms) return {narrow: null, first: null, order}
  const refs = await refIds(db, text)
  const search = db.dialect.search
  const ids = search.ids(terms)
  if (search.planned || !ids) {
    const match = search.match(terms)
    const narrow = refs.length === 0 ? match : {sql: `(${match.sql} OR c.id IN (${refs.join(', ')}))`, params: match.params}
    return {narrow, first: null, order}
  }
  const withRefs = refs.length === 0 ? ids : {sql: `${ids.sql} UNION SELECT id FROM cases WHERE id IN (${refs.join(', ')})`, params: ids.params}
  // Every match is needed to count them or rank them: the candidates are then always the fewer rows.
  if (opts.counting || opts.order === 'relevance') return {narrow: null, first: withRefs, order}
  const probe = await db.get<{n: number}>(`SELECT count(*) AS n FROM (${ids.sql} LIMIT ?)`, [...ids.params, MANY + 1])
  const n = Number(probe?.n ?? 0)
  if (n <= FEW) return {narrow: null, first: withRefs, order}
  if (n > MANY) return {narrow: null, first: null, order}
  // Newest first through the time index, reading only the cases that are candidates.
  const match = search.match(terms)
  return {narrow: refs.length === 0 ? match : {sql: `(${match.sql} OR c.id IN (${refs.join(', ')}))`, params: match.params}, first: null, order}
}

/**
 * Cases whose ref is exactly text, in any source: a walk over the sources (few) by the (source,
 * ref) index, rather than a scan of every case for the ref alone.
 */
async function refIds(db: Executor, text: string): Promise<number[]> {
  const rows = await db.all<{id: number}>(
    `WITH RECURSIVE s(source) AS (
       SELECT min(source) FROM cases
       UNION ALL
       SELECT (SELECT min(x.source) FROM cases x WHERE x.source > s.source) FROM s WHERE s.source IS NOT NULL
     )
     SELECT c.id FROM s JOIN cases c ON c.source = s.source AND c.ref = ?`,
    [text],
  )
  return rows.map((r) => Number(r.id))
}

/**
 * Relevance, the same on every backend: an exact ref first, then a match in the title, then how
 * often the body has the text for its length (BM25's saturation, one term); newest first on ties.
 */
function relevance(op: string, like: string, text: string): Clause {
  const tf = `((length(lower(c.body)) - length(replace(lower(c.body), lower(CAST(? AS TEXT)), ''))) * 1.0 / length(CAST(? AS TEXT)))`
  return {
    sql: `(CASE WHEN c.ref = ? THEN 4 ELSE 0 END + CASE WHEN c.title ${op} ? ESCAPE '\\' THEN 2 ELSE 0 END
      + ${tf} / (${tf} + 1.2 * (0.25 + 0.75 * length(c.body) / 400.0))) DESC, c.posted_at DESC, c.id DESC`,
    params: [text, like, text, text, text, text],
  }
}

/**
 * A page by relevance ranks at most this many matches, the newest: ranking reads each match's
 * whole body, seconds for a common word's hundred thousand. Fewer matches are all ranked.
 */
export const RELEVANCE_WINDOW = 5_000

/** A listing with --search: the rows of list(), read as the plan says. where: the filter's WHERE, the check included. */
export async function searchRows(db: Executor, filter: CaseFilter & {search: string}, w: {where: string; params: Param[]}): Promise<Row[]> {
  const limit = filter.limit ?? -1
  if (filter.order === 'relevance' && limit >= 0) {
    const newest = await searchRows(db, {...filter, order: 'time', limit: RELEVANCE_WINDOW + 1, offset: 0}, w)
    if (newest.length > RELEVANCE_WINDOW) {
      const ids = newest.slice(0, RELEVANCE_WINDOW).map((r) => Number(r.id))
      const order = relevance(db.dialect.ilike, likePattern(filter.search), filter.search)
      return db.all(
        `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id IN (${ids.map(() => '?').join(', ')}) ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
        [...ids, ...order.params, limit, filter.offset ?? 0],
      )
    }
  }
  // Without a limit every match is read, as a count reads them.
  const plan = await planSearch(db, filter.search, {order: filter.order ?? 'time', counting: limit < 0})
  return db.all(
    `SELECT ${CASE_COLUMNS} ${searchFrom(plan, w.where)} ORDER BY ${plan.order.sql}${limit >= 0 ? ' LIMIT ? OFFSET ?' : ''}`,
    [...(plan.first?.params ?? []), ...w.params, ...(plan.narrow?.params ?? []), ...plan.order.params, ...(limit >= 0 ? [limit, filter.offset ?? 0] : [])],
  )
}

export async function searchCount(db: Executor, filter: CaseFilter & {search: string}, w: {where: string; params: Param[]}): Promise<number> {
  const plan = await planSearch(db, filter.search, {order: 'time', counting: true})
  const row = await db.get<{n: number}>(`SELECT count(*) AS n ${searchFrom(plan, w.where)}`, [...(plan.first?.params ?? []), ...w.params, ...(plan.narrow?.params ?? [])])
  return Number(row?.n ?? 0)
}

/**
 * pages() with --search: newest first, each page after the last one's case (a keyset, as pages()
 * reads); by relevance, which has no such key, page after page by offset.
 */
export async function* searchPages(repo: {list(f: CaseFilter): Promise<Case[]>}, filter: CaseFilter, pageSize: number): AsyncIterable<Case[]> {
  let left = filter.limit ?? Infinity
  let after = filter.after
  let offset = filter.offset ?? 0
  while (left > 0) {
    const n = Math.min(pageSize, left)
    const page = await repo.list(filter.order === 'relevance' ? {...filter, limit: n, offset} : {...filter, after, limit: n, offset: 0})
    if (page.length === 0) return
    yield page
    if (page.length < n) return
    left -= page.length
    offset += page.length
    const last = page.at(-1)!
    after = {postedAt: last.postedAt, id: last.id}
  }
}

/**
 * FROM and WHERE of a search: the candidates read first and joined to their cases (SQLite's CROSS
 * JOIN keeps that order), or the cases narrowed by the index; params: first's, where's, narrow's.
 */
function searchFrom(plan: SearchPlan, where: string): string {
  const narrow = plan.narrow ? `${where ? where + ' AND' : 'WHERE'} ${plan.narrow.sql}` : where
  if (!plan.first) return `FROM ${CASE_FROM} ${narrow}`
  return `FROM (${plan.first.sql}) m CROSS JOIN ${CASE_FROM} ${narrow ? narrow + ' AND' : 'WHERE'} c.id = m.id`
}
