import type {IncomingCase} from '../../../domain/case.js'
import {decideImport, formatVersions, importVersion, parseVersions, type StoredForImport} from '../../../domain/import-decision.js'
import type {CaseRepository, ImportOpts, ImportOutcome, ImportTiming} from '../../cases.js'
import {type Executor, type Param, placeholders} from '../executor.js'
import {json} from '../rows.js'
import {SqlCaseChanges} from './changes.js'
import {writeMark} from './lookups.js'

/**
 * The whole case repository: lookups (lookups.ts) and changes (changes.ts), and here the import
 * path, importBatch. PostgreSQL replaces importBatch with COPY (postgres/postgres-cases.ts) and
 * reuses the protected steps below.
 */
export class SqlCases extends SqlCaseChanges implements CaseRepository {
  async importBatch(rows: IncomingCase[], opts: ImportOpts): Promise<ImportOutcome[]> {
    if (rows.length === 0) return []
    const work = async (tx: Executor) => {
      opts = {...opts, timing: await this.timingStill(tx, opts.timing)}
      const stored = (await this.refsUnstored(tx, opts)) ? new Map<string, StoredForImport>() : await this.storedForImport(tx, rows[0].source, rows.map((r) => r.ref))
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
      const sql = insertCasesSql(tx, INSERT_GROUP)
      // Parameters are written in place, into two arrays for the whole run: arrays spread and grown
      // for every row would be most of what the writer's thread allocates, and on a large import
      // its garbage collections then take a fifth of its time.
      const params: Param[] = new Array(INSERT_GROUP * CASE_PARAMS)
      const events: Param[] = new Array(INSERT_GROUP * 4)
      for (; i + INSERT_GROUP <= run.length; i += INSERT_GROUP) {
        for (let k = 0; k < INSERT_GROUP; k++) {
          const {row, version} = run[i + k]
          writeCaseParams(params, k * CASE_PARAMS, row, now, version, opts.timing)
        }
        const last = await tx.insertId(sql, params)
        const firstId = last - (INSERT_GROUP - 1)
        for (let k = 0; k < INSERT_GROUP; k++) run[i + k].outcome.id = firstId + k
        // The ids are worked out, not read: one look at the first makes sure they are right.
        const first = await tx.get<{ref: string}>('SELECT ref FROM cases WHERE id = ?', [firstId])
        if (first?.ref !== run[i].row.ref) throw new Error(`import: case ids of a grouped insert are not consecutive (id ${firstId})`)
        for (let k = 0; k < INSERT_GROUP; k++) {
          const g = run[i + k]
          if (g.row.reply) await this.insertImportedReply(tx, g.outcome.id, g.row, opts)
          events[k * 4] = g.outcome.id
          events[k * 4 + 1] = opts.actor
          events[k * 4 + 2] = now
          events[k * 4 + 3] = createdEvent(g.row)
        }
        await tx.run(INSERT_EVENTS_GROUP, events)
      }
    }
    for (; i < run.length; i++) run[i].outcome.id = await this.insert(tx, run[i].row, run[i].version, opts)
  }

  /**
   * Whether no row of the batch can be stored yet (ImportOpts.newRefs), so that looking them up
   * can be left out: the import lock keeps it so, or no other connection has written since the
   * import found its source new (the batch runs holding the write lock, so none can meanwhile).
   */
  private async refsUnstored(tx: Executor, opts: ImportOpts): Promise<boolean> {
    if (!opts.newRefs || opts.dryRun) return false
    if (opts.exclusive) return true
    return opts.newRefsSince !== undefined && (await writeMark(tx)) === opts.newRefsSince
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
    const values: Param[] = new Array(CASE_PARAMS)
    writeCaseParams(values, 0, row, now, version, opts.timing)
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
    sets.push('import_versions = ?', 'version = version + 1', 'updated_at = ?')
    params.push(formatVersions(d.versions), opts.now.toISOString(), id)
    await tx.run(`UPDATE cases SET ${sets.join(', ')} WHERE id = ?`, params)
    await tx.run('INSERT INTO events (case_id, actor, at, action, before, after) VALUES (?, ?, ?, ?, ?, ?)', [
      id, opts.actor, opts.now.toISOString(), 'import.update', json(d.before), json(d.after),
    ])
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

const INSERT_GROUP = 50
const insertSql = new Map<string, string>()

/**
 * INSERT of n new cases: writeCaseParams' columns, then the four stored durations.
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

const EVENT_VALUES = "(?, ?, ?, 'import.create', NULL, ?)"
const INSERT_EVENTS_GROUP = 'INSERT INTO events (case_id, actor, at, action, before, after) VALUES ' + Array(INSERT_GROUP).fill(EVENT_VALUES).join(', ')

/** Who wrote a reply that came in an import: the unit, as published by the source. */
export function importedReplyAuthor(source: string): string {
  return `import:${source}`
}

export function importStatus(row: IncomingCase): string {
  return row.resolvedAt ? 'closed' : row.reply ? 'replied' : 'new'
}

/** A new case's CASE_PARAMS parameters in insertCasesSql, written into out from at. */
function writeCaseParams(out: Param[], at: number, row: IncomingCase, now: string, version: string, timing: ImportTiming | undefined): void {
  out[at] = row.source
  out[at + 1] = row.ref
  out[at + 2] = row.title
  out[at + 3] = row.body
  out[at + 4] = row.author
  out[at + 5] = row.contact
  out[at + 6] = row.postedAt
  out[at + 7] = row.region
  out[at + 8] = row.addressee
  out[at + 9] = row.type
  out[at + 10] = row.category
  out[at + 11] = row.likes ?? 0
  out[at + 12] = row.dislikes ?? 0
  out[at + 13] = importStatus(row)
  out[at + 14] = row.reply?.sentAt ?? null
  out[at + 15] = row.resolvedAt
  out[at + 16] = json(row.extra)
  out[at + 17] = now
  out[at + 18] = now
  const flags = flagParams(row)
  for (let k = 0; k < 4; k++) out[at + 19 + k] = flags[k]
  out[at + 23] = version
  // The durations: each days expression takes (to, from) as daysBetween writes them; all four
  // are NULL without a timing, and the statistics fill them later.
  const w = timing ? timing.workingDays(row) : null
  const responded = row.reply?.sentAt ?? null
  out[at + 24] = w ? responded : null
  out[at + 25] = w ? responded && row.postedAt : null
  out[at + 26] = w ? row.resolvedAt : null
  out[at + 27] = w ? row.resolvedAt && row.postedAt : null
  out[at + 28] = w ? w.respondWorkingDays : null
  out[at + 29] = w ? w.resolveWorkingDays : null
}

/** Parameters of one case in insertCasesSql: 24 columns, then 6 of its durations. */
const CASE_PARAMS = 30

/** The urgency flags a file gave a new case, as the 0/1 the flag columns hold. */
export function flagParams(row: IncomingCase): number[] {
  const f = row.flags ?? {}
  return [f.collective ? 1 : 0, f.utility ? 1 : 0, f.safety ? 1 : 0, f.urgent ? 1 : 0]
}

/** The import.create event's `after`: where the case came from and the status it got. */
export function createdEvent(row: IncomingCase): string {
  // Most rows state no urgency: their JSON is written directly, as JSON.stringify would.
  if (!row.flags || !(row.flags.collective || row.flags.utility || row.flags.safety || row.flags.urgent)) {
    return `{"source":${JSON.stringify(row.source)},"ref":${JSON.stringify(row.ref)},"status":"${importStatus(row)}"}`
  }
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
