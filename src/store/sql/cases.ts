import type {Case, IncomingCase, Reply} from '../../domain/case.js'
import {decideImport, formatVersions, importVersion, parseVersions, type StoredForImport} from '../../domain/import-decision.js'
import type {CaseFilter, CasePatch, CaseRepository, CaseValueColumn, ChangeOpts, ImportOpts, ImportOutcome, ImportTiming} from '../cases.js'
import {ConflictError, NotFoundError} from '../../errors.js'
import {type Executor, type Param, placeholders} from './executor.js'
import {CASE_COLUMNS, CASE_FROM, json, toCase, toReply} from './rows.js'
import {searchCheck, searchCount, searchPages, searchRows} from './case-search.js'
import {similarIds} from './similar-cases.js'

export class SqlCases implements CaseRepository {
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

  async count(filter: CaseFilter): Promise<number> {
    const {where, params} = this.where(filter)
    if (filter.search) return searchCount(this.db, {...filter, search: filter.search}, {where, params})
    const row = await this.db.get<{n: number}>(`SELECT count(*) AS n FROM ${CASE_FROM} ${where}`, params)
    return Number(row?.n ?? 0)
  }

  private where(f: CaseFilter): {where: string; params: Param[]} {
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

  async change(id: number, patch: CasePatch, opts: ChangeOpts): Promise<Case> {
    return this.db.transaction(async (tx) => {
      const repo = new SqlCases(tx)
      const current = await repo.get(id)
      if (!current) throw new NotFoundError(`no case ${id}`)
      if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) {
        throw new ConflictError(
          `case ${id} was changed by someone else (version ${current.version}, you read ${opts.expectedVersion})`,
          {suggestion: `run board show ${id} and try again`},
        )
      }
      const before: Record<string, unknown> = {}
      const after: Record<string, unknown> = {}
      const sets: string[] = []
      const params: Param[] = []
      for (const [key, value] of Object.entries(patch) as [keyof CasePatch, unknown][]) {
        if (value === undefined) continue
        const column = PATCH_COLUMNS[key]
        const old = readPatchField(current, key)
        if (old === value) continue
        before[key] = old
        after[key] = value
        sets.push(`${column} = ?`)
        params.push(typeof value === 'boolean' ? (value ? 1 : 0) : (value as Param))
      }
      if (sets.length === 0 && !opts.note) return current
      const terms = this.termsAssignment(after.title !== undefined || after.body !== undefined, patch.title ?? current.title, patch.body ?? current.body)
      if (terms) sets.push(terms.sql), params.push(...terms.params)
      // The version guard is also in the UPDATE, so a writer between our read and write still loses.
      const guard = await tx.run(`UPDATE cases SET ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ? AND version = ?`, [
        ...params,
        opts.now.toISOString(),
        id,
        current.version,
      ])
      if (guard.changes !== 1) throw new ConflictError(`case ${id} was changed by someone else`, {suggestion: `run board show ${id} and try again`})
      await tx.run('INSERT INTO events (case_id, actor, at, action, before, after) VALUES (?, ?, ?, ?, ?, ?)', [
        id, opts.actor, opts.now.toISOString(), opts.action, json(before), json(opts.note ? {...after, note: opts.note} : after),
      ])
      for (const st of tx.dialect.search.indexWritten([id])) await tx.run(st.sql, st.params)
      return (await repo.get(id))!
    })
  }

  async claim(filter: CaseFilter, opts: {worker: string; now: Date; leaseSeconds: number; limit: number}): Promise<Case[]> {
    const now = opts.now.toISOString()
    const until = new Date(opts.now.getTime() + opts.leaseSeconds * 1000).toISOString()
    return this.db.transaction(async (tx) => {
      const {where, params} = this.where(filter)
      const free = `(c.claimed_by IS NULL OR c.claim_expires_at < ? OR c.claimed_by = ?)`
      const lock = tx.dialect.supportsSkipLocked ? ' FOR UPDATE OF c SKIP LOCKED' : ''
      const rows = await tx.all<{id: number}>(
        `SELECT c.id FROM ${CASE_FROM} ${where ? where + ' AND' : 'WHERE'} ${free}
         ORDER BY CASE WHEN c.claimed_by = ? THEN 0 ELSE 1 END, c.posted_at, c.id LIMIT ?${lock}`,
        [...params, now, opts.worker, opts.worker, opts.limit],
      )
      const ids = rows.map((r) => Number(r.id))
      if (ids.length === 0) return []
      await tx.run(`UPDATE cases SET claimed_by = ?, claim_expires_at = ? WHERE id IN (${placeholders(ids.length)})`, [opts.worker, until, ...ids])
      const claimed = await new SqlCases(tx).list({ids})
      return ids.map((id) => claimed.find((c) => c.id === id)!)
    })
  }

  async release(id: number, worker: string): Promise<void> {
    await this.db.run('UPDATE cases SET claimed_by = NULL, claim_expires_at = NULL WHERE id = ? AND claimed_by = ?', [id, worker])
  }

  async importBatch(rows: IncomingCase[], opts: ImportOpts): Promise<ImportOutcome[]> {
    if (rows.length === 0) return []
    const work = async (tx: Executor) => {
      opts = {...opts, timing: await this.timingStill(tx, opts.timing)}
      const stored = await this.storedForImport(tx, rows[0].source, rows.map((r) => r.ref))
      const outcomes: ImportOutcome[] = []
      // New rows in a run are inserted together (see insertRun); the run is written before any
      // update, so ids and event order are those of one insert a row.
      let run: {row: IncomingCase; version: string; outcome: {kind: 'inserted'; id: number}}[] = []
      const flush = async () => {
        if (run.length > 0 && !opts.dryRun) await this.insertRun(tx, run, opts)
        run = []
      }
      for (const row of rows) {
        const version = importVersion(row)
        const decision = decideImport(stored.get(row.ref), row, version)
        switch (decision.kind) {
          case 'insert': {
            const outcome = {kind: 'inserted' as const, id: 0}
            run.push({row, version, outcome})
            outcomes.push(outcome)
            break
          }
          case 'update': {
            await flush()
            if (!opts.dryRun) await this.update(tx, decision.id, row, decision, opts)
            outcomes.push({kind: 'updated', id: decision.id, changed: Object.keys(decision.after)})
            break
          }
          case 'unchanged': {
            if (decision.versions && !opts.dryRun) await this.rememberVersions(tx, decision.id, decision.versions)
            outcomes.push({kind: 'unchanged', id: decision.id})
            break
          }
          default:
            outcomes.push({kind: 'conflict', id: decision.id})
        }
      }
      await flush()
      if (!opts.dryRun) for (const st of tx.dialect.search.indexWritten(outcomes.map((o) => o.id))) await tx.run(st.sql, st.params)
      return outcomes
    }
    return opts.dryRun ? work(this.db) : this.db.transaction(work)
  }

  /**
   * New cases with their imported replies and import.create events, INSERT_GROUP rows a statement
   * on SQLite: a large import spends much of the writer's time on the cost of each statement (the
   * driver call, its binding, an await). SQLite gives the rows of one INSERT consecutive ids (one
   * past the largest, with the write lock held), so each row's id follows from the last.
   * PostgreSQL imports through COPY (postgres-cases.ts); elsewhere it is one insert a row.
   */
  private async insertRun(tx: Executor, run: {row: IncomingCase; version: string; outcome: {id: number}}[], opts: ImportOpts): Promise<void> {
    let i = 0
    if (tx.dialect.name === 'sqlite') {
      const now = opts.now.toISOString()
      for (; i + INSERT_GROUP <= run.length; i += INSERT_GROUP) {
        const group = run.slice(i, i + INSERT_GROUP)
        const params: Param[] = []
        for (const {row, version} of group) params.push(...caseParams(row, now, version), ...timingParams(row, opts.timing))
        const last = await tx.insertId(insertCasesSql(tx, INSERT_GROUP), params)
        group.forEach((g, k) => (g.outcome.id = last - (INSERT_GROUP - 1 - k)))
        // The ids are worked out, not read: one look at the first makes sure they are right.
        const first = await tx.get<{ref: string}>('SELECT ref FROM cases WHERE id = ?', [group[0].outcome.id])
        if (first?.ref !== group[0].row.ref) throw new Error(`import: case ids of a grouped insert are not consecutive (id ${group[0].outcome.id})`)
        for (const g of group) if (g.row.reply) await this.insertImportedReply(tx, g.outcome.id, g.row, opts)
        const events: Param[] = []
        for (const g of group) events.push(g.outcome.id, opts.actor, now, createdEvent(g.row))
        await tx.run(INSERT_EVENTS_GROUP, events)
      }
    }
    for (; i < run.length; i++) run[i].outcome.id = await this.insert(tx, run[i].row, run[i].version, opts)
  }

  /**
   * The import's timing if the store's basis is still the one it counted on, read inside the
   * batch's transaction: statistics recounting every case on a new basis meanwhile (a calendar
   * import) must not be followed by cases stored on the old one.
   */
  protected async timingStill(tx: Executor, timing: ImportTiming | undefined): Promise<ImportTiming | undefined> {
    if (!timing) return undefined
    const row = await tx.get<{basis: string}>('SELECT basis FROM stats_basis WHERE id = 1')
    return row?.basis === timing.basis ? timing : undefined
  }

  protected async storedForImport(tx: Executor, source: string, refs: string[]): Promise<Map<string, StoredForImport>> {
    return new Map([...(await this.storedForImportRows(tx, source, refs))].map(([ref, r]) => [ref, storedFromRow(r)]))
  }

  /** The stored rows of these refs as storedFromRow reads them, by ref. */
  protected async storedForImportRows(tx: Executor, source: string, refs: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = await tx.all<Record<string, unknown>>(
      `SELECT c.id, c.ref, c.title, c.body, c.author, c.contact, c.posted_at, c.region, c.addressee, c.type, c.category,
         c.likes, c.dislikes, c.resolved_at, c.import_versions, r.body AS reply_body, r.sent_at AS reply_sent_at
       FROM cases c LEFT JOIN replies r ON r.case_id = c.id AND r.channel = 'import'
       WHERE c.source = ? AND c.ref IN (${placeholders(refs.length)})`,
      [source, ...refs],
    )
    return new Map(rows.map((r) => [String(r.ref), r]))
  }

  private async insert(tx: Executor, row: IncomingCase, version: string, opts: ImportOpts): Promise<number> {
    const now = opts.now.toISOString()
    const values = [...caseParams(row, now, version), ...timingParams(row, opts.timing)]
    let id: number
    if (tx.dialect.name === 'postgres') {
      // The case and its event in one statement: the audit trigger (migration 13) looks for the
      // event when the statement ends.
      const r = await tx.get<{id: number}>(
        `WITH c AS (${insertCasesSql(tx, 1)} RETURNING id),
         e AS (INSERT INTO events (case_id, actor, at, action, before, after) SELECT id, ?, ?, 'import.create', NULL, ? FROM c)
         SELECT id FROM c`,
        [...values, opts.actor, now, createdEvent(row)],
      )
      id = Number(r!.id)
    } else {
      id = await tx.insertId(insertCasesSql(tx, 1), values)
      await tx.run(`INSERT INTO events (case_id, actor, at, action, before, after) VALUES ${EVENT_VALUES}`, [id, opts.actor, now, createdEvent(row)])
    }
    if (row.reply) await this.insertImportedReply(tx, id, row, opts)
    return id
  }

  protected async update(
    tx: Executor,
    id: number,
    row: IncomingCase,
    d: {before: Record<string, unknown>; after: Record<string, unknown>; reply: boolean; versions: string[]},
    opts: {actor: string; now: Date},
  ): Promise<void> {
    const columns: Record<string, string> = {
      title: 'title', body: 'body', author: 'author', contact: 'contact', postedAt: 'posted_at', region: 'region',
      addressee: 'addressee', type: 'type', category: 'category', likes: 'likes', dislikes: 'dislikes', resolvedAt: 'resolved_at',
    }
    const sets: string[] = []
    const params: Param[] = []
    for (const [key, value] of Object.entries(d.after)) {
      if (key === 'reply') continue
      sets.push(`${columns[key]} = ?`)
      params.push(value as Param)
    }
    if (d.reply && row.reply) {
      await tx.run("DELETE FROM replies WHERE case_id = ? AND channel = 'import'", [id])
      await this.insertImportedReply(tx, id, row, opts)
      // A reply arriving in an export moves a still-open case on; board's own states are kept otherwise.
      sets.push("responded_at = ?", "status = CASE WHEN status IN ('new', 'triaged', 'assigned', 'reopened') THEN 'replied' ELSE status END")
      params.push(row.reply.sentAt)
    }
    const terms = this.termsAssignment('title' in d.after || 'body' in d.after, row.title, row.body)
    if (terms) sets.push(terms.sql), params.push(...terms.params)
    sets.push('import_versions = ?', 'version = version + 1', 'updated_at = ?')
    params.push(formatVersions(d.versions), opts.now.toISOString(), id)
    await tx.run(`UPDATE cases SET ${sets.join(', ')} WHERE id = ?`, params)
    await tx.run('INSERT INTO events (case_id, actor, at, action, before, after) VALUES (?, ?, ?, ?, ?, ?)', [
      id, opts.actor, opts.now.toISOString(), 'import.update', json(d.before), json(d.after),
    ])
  }

  /** Where board writes a case's search terms itself (PostgreSQL), their new value when title or body changes. */
  private termsAssignment(changed: boolean, title: string, body: string): {sql: string; params: Param[]} | null {
    return changed ? this.db.dialect.search.assignTerms(title, body) : null
  }

  /** A version new to the case that changes nothing in it: remembered, with no event and no new case version. */
  protected async rememberVersions(tx: Executor, id: number, versions: string[]): Promise<void> {
    await tx.run('UPDATE cases SET import_versions = ? WHERE id = ?', [formatVersions(versions), id])
  }

  /** A reply the source published: its author is the source (importedReplyAuthor), not who ran the import. */
  private async insertImportedReply(tx: Executor, caseId: number, row: IncomingCase, opts: {now: Date}) {
    await tx.run(
      "INSERT INTO replies (case_id, body, status, author, channel, sent_at, created_at) VALUES (?, ?, 'sent', ?, 'import', ?, ?)",
      [caseId, row.reply!.body, importedReplyAuthor(row.source), row.reply!.sentAt, opts.now.toISOString()],
    )
  }
}

const VALUE_COLUMNS: Record<CaseValueColumn, string> = {
  id: 'c.id', source: 'c.source', ref: 'c.ref', postedAt: 'c.posted_at', title: 'c.title', body: 'c.body', author: 'c.author',
  contact: 'c.contact', region: 'c.region', addressee: 'c.addressee', type: 'c.type', category: 'c.category', status: 'c.status',
  unit: 'u.name', handler: 'h.name', respondDueAt: 'c.respond_due_at', resolveDueAt: 'c.resolve_due_at',
  respondedAt: 'c.responded_at', resolvedAt: 'c.resolved_at', likes: 'c.likes', dislikes: 'c.dislikes',
}

const INSERT_GROUP = 50
const insertSql = new Map<string, string>()

/**
 * INSERT of n new cases: caseParams' columns, then the four stored durations (timingParams).
 * Calendar days are worked out by the same SQL as when statistics fill them, so the two agree to
 * the last bit.
 */
function insertCasesSql(tx: Executor, n: number): string {
  const key = `${tx.dialect.name} ${n}`
  let sql = insertSql.get(key)
  if (!sql) {
    const days = tx.dialect.daysBetween(tx.dialect.instantParam, tx.dialect.instantParam)
    const values = `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${days}, ${days}, ?, ?)`
    sql = `INSERT INTO cases (source, ref, title, body, author, contact, posted_at, region, addressee, type, category,
      likes, dislikes, status, responded_at, resolved_at, extra, created_at, updated_at, collective, utility, safety, urgent, import_versions,
      respond_days, resolve_days, respond_wdays, resolve_wdays) VALUES ${Array(n).fill(values).join(', ')}`
    insertSql.set(key, sql)
  }
  return sql
}

/**
 * The durations' parameters: each days expression takes (to, from) as daysBetween writes them;
 * all four are NULL without a timing, and the statistics fill them later.
 */
function timingParams(row: IncomingCase, timing: ImportTiming | undefined): Param[] {
  if (!timing) return [null, null, null, null, null, null]
  const w = timing.workingDays(row)
  const responded = row.reply?.sentAt ?? null
  return [responded, responded && row.postedAt, row.resolvedAt, row.resolvedAt && row.postedAt, w.respondWorkingDays, w.resolveWorkingDays]
}

const EVENT_VALUES = "(?, ?, ?, 'import.create', NULL, ?)"
const INSERT_EVENTS_GROUP = 'INSERT INTO events (case_id, actor, at, action, before, after) VALUES ' + Array(INSERT_GROUP).fill(EVENT_VALUES).join(', ')

/** Who wrote a reply that came in an import: the unit, as published by the source. */
export function importedReplyAuthor(source: string): string {
  return `import:${source}`
}

export function importStatus(row: IncomingCase): string {
  return row.resolvedAt ? 'closed' : row.reply ? 'replied' : 'new'
}

function caseParams(row: IncomingCase, now: string, version: string): Param[] {
  return [
    row.source, row.ref, row.title, row.body, row.author, row.contact, row.postedAt, row.region, row.addressee,
    row.type, row.category, row.likes ?? 0, row.dislikes ?? 0, importStatus(row), row.reply?.sentAt ?? null,
    row.resolvedAt, json(row.extra), now, now, ...flagParams(row), version,
  ]
}

/** The urgency flags a file gave a new case, as the 0/1 the flag columns hold. */
export function flagParams(row: IncomingCase): number[] {
  const f = row.flags ?? {}
  return [f.collective ? 1 : 0, f.utility ? 1 : 0, f.safety ? 1 : 0, f.urgent ? 1 : 0]
}

/** The import.create event's `after`: where the case came from and the status it got. */
export function createdEvent(row: IncomingCase): string {
  const flags = Object.entries(row.flags ?? {}).filter(([, on]) => on).map(([k]) => k)
  return json({source: row.source, ref: row.ref, status: importStatus(row), ...(flags.length > 0 ? {flags} : {})})!
}

/** A row of cases (with its imported reply as reply_body/reply_sent_at) as decideImport sees it. */
export function storedFromRow(r: Record<string, unknown>): StoredForImport {
  return {
    id: Number(r.id),
    title: String(r.title),
    body: String(r.body),
    author: r.author as string | null,
    contact: r.contact as string | null,
    postedAt: String(r.posted_at),
    region: r.region as string | null,
    addressee: r.addressee as string | null,
    type: r.type as string | null,
    category: r.category as string | null,
    likes: Number(r.likes),
    dislikes: Number(r.dislikes),
    resolvedAt: (r.resolved_at as string | null) ?? null,
    reply: r.reply_body === null || r.reply_body === undefined ? null : {body: String(r.reply_body), sentAt: r.reply_sent_at === null ? null : String(r.reply_sent_at)},
    versions: parseVersions(r.import_versions as string | null | undefined),
  }
}

const PATCH_COLUMNS: Record<keyof CasePatch, string> = {
  title: 'title', body: 'body', type: 'type', category: 'category', region: 'region', collective: 'collective',
  utility: 'utility', safety: 'safety', urgent: 'urgent', priority: 'priority', supervised: 'supervised', status: 'status',
  unitId: 'unit_id', handlerId: 'handler_id', respondDueAt: 'respond_due_at', resolveDueAt: 'resolve_due_at',
  respondedAt: 'responded_at', resolvedAt: 'resolved_at', mergedInto: 'merged_into',
}

function readPatchField(c: Case, key: keyof CasePatch): unknown {
  if (key === 'collective' || key === 'utility' || key === 'safety' || key === 'urgent') return c.flags[key]
  return c[key]
}
