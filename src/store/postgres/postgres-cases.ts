import type {IncomingCase} from '../../domain/case.js'
import {decideImport, importVersion} from '../../domain/import-decision.js'
import type pg from 'pg'

import type {ExportCsvFilter, ExportCsvOpts, ImportOpts, ImportOutcome, ImportTiming} from '../cases.js'
import {createdEvent, flagParams, importStatus, SqlCases, storedFromRow} from '../sql/cases/import.js'
import type {Executor, Param} from '../sql/executor.js'
import {json} from '../sql/rows.js'
import {binaryTimestamp, copyBinaryInto, copyInto, type CopyType} from './copy.js'
import {copyCsv, maskedCsv} from './csv-export.js'
import {postgresDialect} from './dialect.js'
import type {PostgresExecutor} from './executor.js'

/** The advisory lock a bulk load holds (PostgresStore.bulkLoad) in a schema's store. */
export const importLockKey = (schema: string | null): string => `board:${schema ?? ''}:import`

const STAGE = 'board_import_stage'
const STAGE_COLUMNS = [
  'ord', 'source', 'ref', 'title', 'body', 'author', 'contact', 'posted_at', 'region', 'addressee', 'type', 'category',
  'likes', 'dislikes', 'resolved_at', 'extra', 'reply_body', 'reply_sent_at', 'status', 'event_after',
  'timed', 'respond_wdays', 'resolve_wdays', 'collective', 'utility', 'safety', 'urgent', 'import_version',
]
// One per session, emptied by every commit.
const STAGE_DDL = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (
  ord INTEGER, source TEXT, ref TEXT, title TEXT, body TEXT, author TEXT, contact TEXT, posted_at TIMESTAMPTZ,
  region TEXT, addressee TEXT, type TEXT, category TEXT, likes INTEGER, dislikes INTEGER, resolved_at TIMESTAMPTZ,
  extra TEXT, reply_body TEXT, reply_sent_at TIMESTAMPTZ, status TEXT, event_after TEXT,
  timed BOOLEAN, respond_wdays DOUBLE PRECISION, resolve_wdays DOUBLE PRECISION,
  collective INTEGER, utility INTEGER, safety INTEGER, urgent INTEGER, import_version TEXT
) ON COMMIT DELETE ROWS`
const staged = new WeakSet<object>()
/** Calendar days as the statistics fill them (the dialect's daysBetween), so both agree exactly. */
const DAYS = postgresDialect().daysBetween

// One statement a batch: rows whose (source, ref) is not stored yet become cases (decideImport's
// "insert" needs nothing else), with their imported replies and import.create events; the
// stored ones come back, as they were before this statement, for decideImport to judge. The
// replies' author is importedReplyAuthor (sql/cases/import.ts), written out here in SQL.
const MERGE = `WITH ins AS (
  INSERT INTO cases (source, ref, title, body, author, contact, posted_at, region, addressee, type, category,
    likes, dislikes, status, responded_at, resolved_at, extra, created_at, updated_at, collective, utility, safety, urgent, import_versions,
    respond_days, resolve_days, respond_wdays, resolve_wdays)
  SELECT source, ref, title, body, author, contact, posted_at, region, addressee, type, category,
    likes, dislikes, status, reply_sent_at, resolved_at, extra, ?, ?, collective, utility, safety, urgent, import_version,
    CASE WHEN timed THEN ${DAYS('posted_at', 'reply_sent_at')} END, CASE WHEN timed THEN ${DAYS('posted_at', 'resolved_at')} END,
    respond_wdays, resolve_wdays
  FROM ${STAGE} s WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.source = s.source AND c.ref = s.ref) ORDER BY ord
  ON CONFLICT (source, ref) DO NOTHING
  RETURNING id, ref
), rep AS (
  INSERT INTO replies (case_id, body, status, author, channel, sent_at, created_at)
  SELECT ins.id, s.reply_body, 'sent', 'import:' || s.source, 'import', s.reply_sent_at, ? FROM ins JOIN ${STAGE} s ON s.ref = ins.ref
  WHERE s.reply_body IS NOT NULL ORDER BY ins.id
), ev AS (
  INSERT INTO events (case_id, actor, at, action, before, after)
  SELECT ins.id, ?, ?, 'import.create', NULL, s.event_after FROM ins JOIN ${STAGE} s ON s.ref = ins.ref ORDER BY ins.id
)
SELECT true AS inserted, id, ref, NULL AS title, NULL AS body, NULL AS author, NULL AS contact, NULL::timestamptz AS posted_at,
  NULL AS region, NULL AS addressee, NULL AS type, NULL AS category, NULL::integer AS likes, NULL::integer AS dislikes,
  NULL::timestamptz AS resolved_at, NULL AS import_versions, NULL AS reply_body, NULL::timestamptz AS reply_sent_at
FROM ins
UNION ALL
SELECT false, c.id, c.ref, c.title, c.body, c.author, c.contact, c.posted_at, c.region, c.addressee, c.type, c.category,
  c.likes, c.dislikes, c.resolved_at, c.import_versions, r.body, r.sent_at
FROM ${STAGE} s JOIN cases c ON c.source = s.source AND c.ref = s.ref
LEFT JOIN replies r ON r.case_id = c.id AND r.channel = 'import'`

const CASE_COLUMNS: readonly (readonly [string, CopyType])[] = [
  ['id', 'int4'], ['source', 'text'], ['ref', 'text'], ['title', 'text'], ['body', 'text'], ['author', 'text'], ['contact', 'text'],
  ['posted_at', 'timestamptz'], ['region', 'text'], ['addressee', 'text'], ['type', 'text'], ['category', 'text'],
  ['likes', 'int4'], ['dislikes', 'int4'], ['status', 'text'], ['responded_at', 'timestamptz'], ['resolved_at', 'timestamptz'],
  ['extra', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ['collective', 'int4'], ['utility', 'int4'], ['safety', 'int4'], ['urgent', 'int4'], ['import_versions', 'text'],
  ['respond_days', 'float8'], ['resolve_days', 'float8'], ['respond_wdays', 'float8'], ['resolve_wdays', 'float8'],
]
const REPLY_COLUMNS: readonly (readonly [string, CopyType])[] = [
  ['case_id', 'int4'], ['body', 'text'], ['status', 'text'], ['author', 'text'], ['channel', 'text'], ['sent_at', 'timestamptz'], ['created_at', 'timestamptz'],
]
const EVENT_COLUMNS: readonly (readonly [string, CopyType])[] = [['case_id', 'int4'], ['actor', 'text'], ['at', 'timestamptz'], ['action', 'text'], ['after', 'text']]

// Only the table's owner may copy into cases: COPY FROM refuses a table whose row-level security
// applies, and only the owner may keep the insert trigger from auditing (board_restoring).
const COPIES_INTO_CASES = `SELECT NOT row_security_active('cases')
  AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'cases'::regclass), 'MEMBER') AS ok`
const copiers = new WeakMap<object, boolean>()

/**
 * Import through COPY: a batch is streamed into a temporary staging table and merged by one
 * statement, instead of a lookup plus three statements a row. Stored rows are still judged by
 * decideImport, exactly as on the shared path, and updated by the shared code.
 */
export class PostgresCases extends SqlCases {
  constructor(private readonly pg: PostgresExecutor) {
    super(pg)
  }

  async exportCsv(filter: ExportCsvFilter, opts: ExportCsvOpts, onText: (text: string) => Promise<boolean | void>): Promise<number> {
    return opts.masked ? maskedCsv(this.pg, this.where(filter), opts, onText) : copyCsv(this.pg, filter, onText)
  }

  override async importBatch(rows: IncomingCase[], opts: ImportOpts): Promise<ImportOutcome[]> {
    if (rows.length === 0 || opts.dryRun) return super.importBatch(rows, opts)
    const client = this.pg.raw()
    if (opts.exclusive && oneSourceUniqueRefs(rows) && (await this.copiesIntoCases(client))) {
      return this.pg.transaction((tx) => this.copyBatch(tx, client, rows, opts))
    }
    // A rolled-back transaction takes the staging table it created with it.
    const forget = (error: unknown) => {
      staged.delete(client)
      throw error
    }
    return this.pg.transaction(async (tx) => {
      if (!opts.exclusive) await this.besideBulkLoads(tx)
      // A batch lost to a crash is re-imported by the next run (import is idempotent), so the
      // commit need not wait for the disk. TRUNCATE, not DELETE: inside an import's group commit
      // deleted stage rows stay as dead tuples until commit, and each batch scanned them all again.
      const prepare = `SET LOCAL synchronous_commit = off; TRUNCATE ${STAGE}`
      await tx.exec(staged.has(client) ? prepare : `${STAGE_DDL}; ${prepare}`)
      staged.add(client)
      const timing = await this.timingStill(tx, opts.timing)
      const versions = rows.map(importVersion)
      await copyInto(client, STAGE, STAGE_COLUMNS, rows.map((row, i) => stageRow(row, i, timing, versions[i])))
      const now = opts.now.toISOString()
      const merged = await tx.all<Record<string, unknown>>(MERGE, [now, now, now, opts.actor, now])
      const inserted = new Map<string, number>()
      const stored = new Map<string, Record<string, unknown>>()
      for (const r of merged) (r.inserted ? inserted.set(String(r.ref), Number(r.id)) : stored.set(String(r.ref), r))
      // A row another import inserted and committed while this statement ran is in neither: the
      // statement saw the store before it, and ON CONFLICT skipped it. A new statement sees it.
      const late = rows.filter((row) => !inserted.has(row.ref) && !stored.has(row.ref)).map((row) => row.ref)
      if (late.length > 0) for (const [ref, r] of await this.storedForImportRows(tx, rows[0].source, late)) stored.set(ref, r)
      const outcomes: ImportOutcome[] = []
      for (const [i, row] of rows.entries()) {
        const id = inserted.get(row.ref)
        if (id !== undefined) {
          outcomes.push({kind: 'inserted', id})
          continue
        }
        const found = stored.get(row.ref)
        if (!found) {
          // Taken by a case outside this role's units (row-level security hides it).
          outcomes.push({kind: 'conflict', id: 0, hidden: true})
          continue
        }
        const d = decideImport(storedFromRow(found), row, versions[i])
        if (d.kind === 'unchanged' && d.versions) await this.rememberVersions(tx, d.id, d.versions)
        if (d.kind === 'update') {
          await this.update(tx, d.id, row, d, opts)
          outcomes.push({kind: 'updated', id: d.id, changed: Object.keys(d.after)})
        } else if (d.kind === 'insert') throw new Error(`import merge lost ref ${row.ref}`)
        else outcomes.push({kind: d.kind === 'unchanged' ? 'unchanged' : 'conflict', id: d.id})
      }
      return outcomes
    }).catch(forget)
  }

  /**
   * An import that is no bulk load (stdin, a small file) waits for a running one to end, and keeps
   * one from starting until its transaction ends: a bulk load copies its new cases in without
   * guarding against the same refs inserted beside it. Tried in a loop, as bulkLoad does.
   */
  private async besideBulkLoads(tx: Executor): Promise<void> {
    const key = importLockKey(this.pg.schema)
    while (!(await tx.get<{ok: boolean}>('SELECT pg_try_advisory_xact_lock_shared(hashtext(?)) AS ok', [key]))?.ok) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  private async copiesIntoCases(client: object): Promise<boolean> {
    let ok = copiers.get(client)
    if (ok === undefined) copiers.set(client, (ok = Boolean((await this.pg.get<{ok: boolean}>(COPIES_INTO_CASES))?.ok)))
    return ok
  }

  /**
   * A batch of an import that has the store to itself, by its owner: the new rows are copied
   * straight into cases, replies and events, as psql's \copy would, with no staging table and
   * no second pass over them. The rows already stored are judged and updated as on the merge path.
   */
  private async copyBatch(tx: Executor, client: pg.Client, rows: IncomingCase[], opts: ImportOpts): Promise<ImportOutcome[]> {
    const timing = await this.timingStill(tx, opts.timing)
    const source = rows[0].source
    const stored = opts.newRefs ? new Map<string, Record<string, unknown>>() : await this.storedByRef(tx, source, rows.map((row) => row.ref))
    const fresh = rows.filter((row) => !stored.has(row.ref))
    const now = opts.now.toISOString()
    // Drawn in one statement and handed out in file order, as the merge's ORDER BY ord did.
    const ids =
      fresh.length === 0
        ? []
        : (await tx.all<{id: number}>('SELECT nextval(s) AS id FROM CAST(pg_get_serial_sequence(?, ?) AS regclass) AS s, generate_series(1, ?)', ['cases', 'id', fresh.length]))
            .map((r) => Number(r.id))
            .sort((a, b) => a - b)
    if (fresh.length > 0) {
      const days = timing ? await this.handlingDays(tx, fresh) : new Map<string, [number | null, number | null]>()
      // Each new case gets its import.create event below, in this transaction: the insert
      // trigger's sql.insert events are for writers that leave none, so it stands aside here.
      // The commit need not wait for the disk, as on the merge path.
      const prev = await tx.get<{v: string | null}>(
        "SELECT current_setting('board.restore', true) AS v, set_config('board.restore', 'on', true), set_config('synchronous_commit', 'off', true)",
      )
      // Binary when every timestamp is in the ISO form it can carry, which is how import writes them.
      const copy = fresh.every(binaryTimes) && binaryTimestamp(now)
        ? (table: string, columns: typeof CASE_COLUMNS, rows: Iterable<Param[]>) => copyBinaryInto(client, table, columns, rows)
        : (table: string, columns: typeof CASE_COLUMNS, rows: Iterable<Param[]>) => copyInto(client, table, columns.map(([name]) => name), rows)
      await copy('cases', CASE_COLUMNS, each(fresh, (row, i) => caseRow(row, ids[i], now, days.get(row.ref), timing, importVersion(row))))
      await tx.get("SELECT set_config('board.restore', ?, true)", [prev?.v ?? ''])
      if (fresh.some((row) => row.reply)) {
        await copy('replies', REPLY_COLUMNS, each(fresh, (row, i) =>
          row.reply ? [ids[i], row.reply.body, 'sent', `import:${source}`, 'import', row.reply.sentAt ?? null, now] : undefined))
      }
      await copy('events', EVENT_COLUMNS, each(fresh, (row, i) => [ids[i], opts.actor, now, 'import.create', createdEvent(row)]))
    }
    let next = 0
    const outcomes: ImportOutcome[] = []
    for (const row of rows) {
      const found = stored.get(row.ref)
      if (!found) {
        outcomes.push({kind: 'inserted', id: ids[next++]})
        continue
      }
      const d = decideImport(storedFromRow(found), row, importVersion(row))
      if (d.kind === 'unchanged' && d.versions) await this.rememberVersions(tx, d.id, d.versions)
      if (d.kind === 'update') {
        await this.update(tx, d.id, row, d, opts)
        outcomes.push({kind: 'updated', id: d.id, changed: Object.keys(d.after)})
      } else if (d.kind === 'insert') throw new Error(`import lost ref ${row.ref}`)
      else outcomes.push({kind: d.kind === 'unchanged' ? 'unchanged' : 'conflict', id: d.id})
    }
    return outcomes
  }

  /**
   * storedForImportRows with the refs as one array parameter, not a placeholder each. One index
   * probe a ref, whatever the statistics say: before ANALYZE has seen a large import's first rows
   * the planner takes the source for a few rows and reads all of it, batch after batch.
   */
  private async storedByRef(tx: Executor, source: string, refs: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = await tx.all<Record<string, unknown>>(
      `SELECT c.id, c.ref, c.title, c.body, c.author, c.contact, c.posted_at, c.region, c.addressee, c.type, c.category,
         c.likes, c.dislikes, c.resolved_at, c.import_versions, r.body AS reply_body, r.sent_at AS reply_sent_at
       FROM unnest(?::text[]) AS u(ref)
       CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.source = ? AND c.ref = u.ref LIMIT 1) c
       LEFT JOIN LATERAL (SELECT * FROM replies r WHERE r.case_id = c.id AND r.channel = 'import' LIMIT 1) r ON true`,
      [refs as unknown as string, source], // pg binds a JS array as an array
    )
    return new Map(rows.map((r) => [String(r.ref), r]))
  }

  /**
   * New cases' calendar handling days, worked out by the server with the merge's own expression
   * (DAYS), so they are the very numbers the statistics would fill in. Only rows with a reply or a
   * resolution have any.
   */
  private async handlingDays(tx: Executor, rows: IncomingCase[]): Promise<Map<string, [number | null, number | null]>> {
    const timed = rows.filter((row) => row.reply?.sentAt || row.resolvedAt)
    if (timed.length === 0) return new Map()
    const col = (f: (row: IncomingCase) => string | null | undefined) => timed.map((row) => f(row) ?? null) as unknown as string
    const got = await tx.all<{n: number; respond: number | null; resolve: number | null}>(
      `SELECT n, (${DAYS('p::timestamptz', 'r::timestamptz')})::float8 AS respond, (${DAYS('p::timestamptz', 'v::timestamptz')})::float8 AS resolve
       FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(p, r, v, n)`,
      [col((row) => row.postedAt), col((row) => row.reply?.sentAt), col((row) => row.resolvedAt)],
    )
    return new Map(got.map((g) => [timed[Number(g.n) - 1].ref, [g.respond, g.resolve]]))
  }
}

/** The rows f makes of items, one at a time as COPY takes them; undefined: none for that item. */
function* each<T>(items: readonly T[], f: (item: T, i: number) => Param[] | undefined): Generator<Param[]> {
  for (let i = 0; i < items.length; i++) {
    const r = f(items[i], i)
    if (r) yield r
  }
}

function binaryTimes(row: IncomingCase): boolean {
  return binaryTimestamp(row.postedAt) && binaryTimestamp(row.reply?.sentAt) && binaryTimestamp(row.resolvedAt)
}

function oneSourceUniqueRefs(rows: IncomingCase[]): boolean {
  const refs = new Set<string>()
  for (const row of rows) {
    if (row.source !== rows[0].source || refs.has(row.ref)) return false
    refs.add(row.ref)
  }
  return true
}

function caseRow(row: IncomingCase, id: number, now: string, days: readonly [number | null, number | null] | undefined, timing: ImportTiming | undefined, version: string): Param[] {
  // No working days, no handling days: the merge's CASE WHEN timed.
  const w = timing?.workingDays(row)
  return [
    id, row.source, row.ref, row.title, row.body, row.author, row.contact, row.postedAt, row.region, row.addressee,
    row.type, row.category, row.likes ?? 0, row.dislikes ?? 0, importStatus(row), row.reply?.sentAt ?? null, row.resolvedAt,
    json(row.extra), now, now, ...flagParams(row), version, (w && days?.[0]) ?? null, (w && days?.[1]) ?? null,
    w?.respondWorkingDays ?? null, w?.resolveWorkingDays ?? null,
  ]
}

function stageRow(row: IncomingCase, ord: number, timing: ImportTiming | undefined, version: string): Param[] {
  const w = timing?.workingDays(row)
  return [
    ord, row.source, row.ref, row.title, row.body, row.author, row.contact, row.postedAt, row.region, row.addressee,
    row.type, row.category, row.likes ?? 0, row.dislikes ?? 0, row.resolvedAt, json(row.extra), row.reply?.body ?? null,
    row.reply?.sentAt ?? null, importStatus(row), createdEvent(row),
    w ? 't' : 'f', w?.respondWorkingDays ?? null, w?.resolveWorkingDays ?? null, ...flagParams(row), version,
  ]
}
