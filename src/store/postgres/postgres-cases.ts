import type {IncomingCase} from '../../domain/case.js'
import {decideImport, importVersion} from '../../domain/import-decision.js'
import type {ImportOpts, ImportOutcome, ImportTiming} from '../cases.js'
import {createdEvent, flagParams, importStatus, SqlCases, storedFromRow} from '../sql/cases.js'
import type {Param} from '../sql/executor.js'
import {json} from '../sql/rows.js'
import {termCodesLiteral} from '../sql/search-terms.js'
import {copyInto} from './copy.js'
import {postgresDialect} from './dialect.js'
import type {PostgresExecutor} from './executor.js'

const STAGE = 'board_import_stage'
const STAGE_COLUMNS = [
  'ord', 'source', 'ref', 'title', 'body', 'author', 'contact', 'posted_at', 'region', 'addressee', 'type', 'category',
  'likes', 'dislikes', 'resolved_at', 'extra', 'reply_body', 'reply_sent_at', 'status', 'event_after',
  'timed', 'respond_wdays', 'resolve_wdays', 'collective', 'utility', 'safety', 'urgent', 'import_version', 'search_terms',
]
// One per session, emptied by every commit.
const STAGE_DDL = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (
  ord INTEGER, source TEXT, ref TEXT, title TEXT, body TEXT, author TEXT, contact TEXT, posted_at TIMESTAMPTZ,
  region TEXT, addressee TEXT, type TEXT, category TEXT, likes INTEGER, dislikes INTEGER, resolved_at TIMESTAMPTZ,
  extra TEXT, reply_body TEXT, reply_sent_at TIMESTAMPTZ, status TEXT, event_after TEXT,
  timed BOOLEAN, respond_wdays DOUBLE PRECISION, resolve_wdays DOUBLE PRECISION,
  collective INTEGER, utility INTEGER, safety INTEGER, urgent INTEGER, import_version TEXT, search_terms INTEGER[]
) ON COMMIT DELETE ROWS`
const staged = new WeakSet<object>()
/** Calendar days as the statistics fill them (the dialect's daysBetween), so both agree exactly. */
const DAYS = postgresDialect().daysBetween

// One statement a batch: rows whose (source, ref) is not stored yet become cases (decideImport's
// "insert" needs nothing else), with their imported replies and import.create events; the
// stored ones come back, as they were before this statement, for decideImport to judge. The
// replies' author is importedReplyAuthor (sql/cases.ts), written out here in SQL.
const MERGE = `WITH ins AS (
  INSERT INTO cases (source, ref, title, body, author, contact, posted_at, region, addressee, type, category,
    likes, dislikes, status, responded_at, resolved_at, extra, created_at, updated_at, collective, utility, safety, urgent, import_versions,
    respond_days, resolve_days, respond_wdays, resolve_wdays, search_terms)
  SELECT source, ref, title, body, author, contact, posted_at, region, addressee, type, category,
    likes, dislikes, status, reply_sent_at, resolved_at, extra, ?, ?, collective, utility, safety, urgent, import_version,
    CASE WHEN timed THEN ${DAYS('posted_at', 'reply_sent_at')} END, CASE WHEN timed THEN ${DAYS('posted_at', 'resolved_at')} END,
    respond_wdays, resolve_wdays, search_terms
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

/**
 * Import through COPY: a batch is streamed into a temporary staging table and merged by one
 * statement, instead of a lookup plus three statements a row. Stored rows are still judged by
 * decideImport, exactly as on the shared path, and updated by the shared code.
 */
export class PostgresCases extends SqlCases {
  constructor(private readonly pg: PostgresExecutor) {
    super(pg)
  }

  override async importBatch(rows: IncomingCase[], opts: ImportOpts): Promise<ImportOutcome[]> {
    if (rows.length === 0 || opts.dryRun) return super.importBatch(rows, opts)
    const client = this.pg.raw()
    // A rolled-back transaction takes the staging table it created with it.
    const forget = (error: unknown) => {
      staged.delete(client)
      throw error
    }
    return this.pg.transaction(async (tx) => {
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
}

function stageRow(row: IncomingCase, ord: number, timing: ImportTiming | undefined, version: string): Param[] {
  const w = timing?.workingDays(row)
  return [
    ord, row.source, row.ref, row.title, row.body, row.author, row.contact, row.postedAt, row.region, row.addressee,
    row.type, row.category, row.likes ?? 0, row.dislikes ?? 0, row.resolvedAt, json(row.extra), row.reply?.body ?? null,
    row.reply?.sentAt ?? null, importStatus(row), createdEvent(row),
    w ? 't' : 'f', w?.respondWorkingDays ?? null, w?.resolveWorkingDays ?? null, ...flagParams(row), version, termCodesLiteral(row.title, row.body),
  ]
}
