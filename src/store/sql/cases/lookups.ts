import type {Case, Reply} from '../../../domain/case.js'
import type {CaseFilter, CaseValueColumn} from '../../cases.js'
import {type Executor, type Param, placeholders} from '../executor.js'
import {CASE_COLUMNS, CASE_FROM, toCase, toReply} from '../rows.js'
import {searchCheck, searchCount, searchPages, searchRows} from '../case-search.js'
import {similarIds} from '../similar-cases.js'

/**
 * The case repository's reading side: one case, a filtered list, pages of it, counts, replies.
 * Changes (changes.ts) and the import path (import.ts) build on it; SqlCases is the whole.
 */
export class SqlCaseLookups {
  constructor(protected readonly db: Executor) {}

  async get(id: number): Promise<Case | undefined> {
    const row = await this.db.get(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = ?`, [id])
    return row ? toCase(row) : undefined
  }

  async getByRef(source: string, ref: string): Promise<Case | undefined> {
    const row = await this.db.get(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.source = ? AND c.ref = ?`, [source, ref])
    return row ? toCase(row) : undefined
  }

  async list(filter: CaseFilter): Promise<Case[]> {
    const {where, params} = this.where(filter)
    const limit = filter.limit ?? -1
    if (filter.search) return (await searchRows(this.db, {...filter, search: filter.search}, {where, params})).map(toCase)
    const rows = await this.db.all(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} ${where} ORDER BY c.posted_at DESC, c.id DESC` +
        (limit >= 0 ? ' LIMIT ? OFFSET ?' : ''),
      limit >= 0 ? [...params, limit, filter.offset ?? 0] : params,
    )
    return rows.map(toCase)
  }

  async eachValues(filter: CaseFilter, columns: readonly CaseValueColumn[], size: number, onBatch: (rows: unknown[][]) => Promise<boolean | void>): Promise<void> {
    const {where, params} = this.where(filter)
    const sql = `SELECT ${columns.map((k) => VALUE_COLUMNS[k]).join(', ')} FROM ${CASE_FROM} ${where} ORDER BY c.posted_at DESC, c.id DESC`
    await this.db.eachValues(sql, params, size, onBatch)
  }

  async *pages(filter: CaseFilter, pageSize = 1000): AsyncIterable<Case[]> {
    if (filter.search) return yield* searchPages(this, filter, pageSize)
    const {where, params} = this.where({...filter, limit: undefined, offset: undefined})
    let left = filter.limit ?? Infinity
    let after: {postedAt: string; id: number} | undefined
    while (left > 0) {
      const n = Math.min(pageSize, left)
      const keyset = after ? `${where ? where + ' AND' : 'WHERE'} (c.posted_at, c.id) < (${this.db.dialect.instantParam}, ?)` : where
      const rows = await this.db.all(
        `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} ${keyset} ORDER BY c.posted_at DESC, c.id DESC LIMIT ?`,
        after ? [...params, after.postedAt, after.id, n] : [...params, n],
      )
      if (rows.length === 0) return
      const page = rows.map(toCase)
      yield page
      if (rows.length < n) return
      left -= rows.length
      const last = page.at(-1)!
      after = {postedAt: last.postedAt, id: last.id}
    }
  }

  async hasSource(source: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS one FROM cases WHERE source = ? LIMIT 1', [source])) !== undefined
  }

  writeMark(): Promise<number | null> {
    return writeMark(this.db)
  }

  async count(filter: CaseFilter): Promise<number> {
    const {where, params} = this.where(filter)
    if (filter.search) return searchCount(this.db, {...filter, search: filter.search}, {where, params})
    const row = await this.db.get<{n: number}>(`SELECT count(*) AS n FROM ${CASE_FROM} ${where}`, params)
    return Number(row?.n ?? 0)
  }

  protected where(f: CaseFilter): {where: string; params: Param[]} {
    const clauses: string[] = []
    const params: Param[] = []
    if (f.ids) {
      clauses.push(f.ids.length > 0 ? `c.id IN (${placeholders(f.ids.length)})` : '1 = 0')
      params.push(...f.ids)
    }
    if (f.status && f.status.length > 0) {
      clauses.push(`c.status IN (${placeholders(f.status.length)})`)
      params.push(...f.status)
    }
    if (f.category) clauses.push('c.category = ?'), params.push(f.category)
    if (f.source) clauses.push('c.source = ?'), params.push(f.source)
    if (f.mergedInto !== undefined) clauses.push('c.merged_into = ?'), params.push(f.mergedInto)
    if (f.unit) clauses.push('(u.code = ? OR u.name = ?)'), params.push(f.unit, f.unit)
    if (f.handler) clauses.push('(h.code = ? OR h.name = ?)'), params.push(f.handler, f.handler)
    if (f.since) clauses.push('c.posted_at >= ?'), params.push(f.since)
    if (f.until) clauses.push('c.posted_at < ?'), params.push(f.until)
    // The posted_at bound alone is what an index on (posted_at, …) can seek on; the row value decides ties.
    if (f.after) clauses.push('c.posted_at <= ? AND (c.posted_at, c.id) < (?, ?)'), params.push(f.after.postedAt, f.after.postedAt, f.after.id)
    if (f.search) {
      const check = searchCheck(this.db, f.search)
      clauses.push(check.sql)
      params.push(...check.params)
    }
    return {where: clauses.length > 0 ? 'WHERE ' + clauses.join(' AND ') : '', params}
  }

  async similar(text: {title: string; body: string}, opts: {limit: number; excludeId?: number}): Promise<Case[]> {
    const ids = await similarIds(this.db, text.title, text.body, opts)
    const found = new Map((await this.list({ids})).map((c) => [c.id, c]))
    return ids.map((id) => found.get(id)!).filter(Boolean)
  }

  async replies(caseId: number): Promise<Reply[]> {
    const rows = await this.db.all('SELECT * FROM replies WHERE case_id = ? ORDER BY created_at, id', [caseId])
    return rows.map(toReply)
  }

  async publishedReplies(caseIds: number[]): Promise<Map<number, {body: string; sentAt: string | null}>> {
    const out = new Map<number, {body: string; sentAt: string | null}>()
    if (caseIds.length === 0) return out
    const rows = await this.db.all<{case_id: number; body: string; sent_at: string | null}>(
      `SELECT case_id, body, sent_at FROM replies WHERE status = 'sent' AND case_id IN (${placeholders(caseIds.length)}) ORDER BY created_at, id`,
      caseIds,
    )
    for (const r of rows) out.set(Number(r.case_id), {body: String(r.body), sentAt: r.sent_at === null ? null : String(r.sent_at)})
    return out
  }
}

const VALUE_COLUMNS: Record<CaseValueColumn, string> = {
  id: 'c.id', source: 'c.source', ref: 'c.ref', postedAt: 'c.posted_at', title: 'c.title', body: 'c.body', author: 'c.author',
  contact: 'c.contact', region: 'c.region', addressee: 'c.addressee', type: 'c.type', category: 'c.category', status: 'c.status',
  unit: 'u.name', handler: 'h.name', respondDueAt: 'c.respond_due_at', resolveDueAt: 'c.resolve_due_at',
  respondedAt: 'c.responded_at', resolvedAt: 'c.resolved_at', likes: 'c.likes', dislikes: 'c.dislikes',
}

/** CaseRepository.writeMark on this connection (inside a transaction too). */
export async function writeMark(db: Executor): Promise<number | null> {
  if (db.dialect.name !== 'sqlite') return null
  const row = await db.get<{data_version: number}>('PRAGMA data_version')
  return Number(row!.data_version)
}
