import type {IncomingCase} from '../../domain/case.js'
import {decideImport} from '../../domain/import-decision.js'
import type {ImportOutcome} from '../cases.js'
import {SqlCases} from '../sql/cases.js'
import type {Param} from '../sql/executor.js'
import {json} from '../sql/rows.js'
import {copyInto} from './copy.js'
import type {PostgresExecutor} from './executor.js'

const STAGE = 'board_import_stage'
const STAGE_COLUMNS = [
  'ord', 'source', 'ref', 'title', 'body', 'author', 'contact', 'posted_at', 'region', 'addressee', 'type', 'category',
  'likes', 'dislikes', 'resolved_at', 'extra', 'reply_body', 'reply_sent_at', 'status', 'event_after',
]
// Per session, holding only the batch's new rows; emptied after each merge.
const STAGE_DDL = `CREATE TEMP TABLE IF NOT EXISTS ${STAGE} (
  ord INTEGER, source TEXT, ref TEXT, title TEXT, body TEXT, author TEXT, contact TEXT, posted_at TIMESTAMPTZ,
  region TEXT, addressee TEXT, type TEXT, category TEXT, likes INTEGER, dislikes INTEGER, resolved_at TIMESTAMPTZ,
  extra TEXT, reply_body TEXT, reply_sent_at TIMESTAMPTZ, status TEXT, event_after TEXT
) ON COMMIT DELETE ROWS`
const staged = new WeakSet<object>()

// New cases, their imported replies and their import.create events in one statement.
const INSERT_NEW = `WITH ins AS (
  INSERT INTO cases (source, ref, title, body, author, contact, posted_at, region, addressee, type, category,
    likes, dislikes, status, responded_at, resolved_at, extra, created_at, updated_at)
  SELECT source, ref, title, body, author, contact, posted_at, region, addressee, type, category,
    likes, dislikes, status, reply_sent_at, resolved_at, extra, ?, ?
  FROM ${STAGE} ORDER BY ord
  RETURNING id, ref
), rep AS (
  INSERT INTO replies (case_id, body, status, author, channel, sent_at, created_at)
  SELECT ins.id, s.reply_body, 'sent', ?, 'import', s.reply_sent_at, ? FROM ins JOIN ${STAGE} s ON s.ref = ins.ref
  WHERE s.reply_body IS NOT NULL ORDER BY ins.id
), ev AS (
  INSERT INTO events (case_id, actor, at, action, before, after)
  SELECT ins.id, ?, ?, 'import.create', NULL, s.event_after FROM ins JOIN ${STAGE} s ON s.ref = ins.ref ORDER BY ins.id
)
SELECT id, ref FROM ins`

/**
 * Import through COPY: a batch is streamed into a temporary staging table and merged with
 * set-based SQL, instead of three statements a row. What happens to each row is still decided by
 * decideImport, exactly as on the shared path; only how the inserts reach the table differs.
 */
export class PostgresCases extends SqlCases {
  constructor(private readonly pg: PostgresExecutor) {
    super(pg)
  }

  override async importBatch(rows: IncomingCase[], opts: {actor: string; now: Date; dryRun?: boolean}): Promise<ImportOutcome[]> {
    if (rows.length === 0 || opts.dryRun) return super.importBatch(rows, opts)
    return this.pg.transaction(async (tx) => {
      // A batch lost to a crash is re-imported by the next run (import is idempotent), so the
      // commit need not wait for the disk.
      await tx.exec('SET LOCAL synchronous_commit = off')
      const stored = await this.storedForImport(tx, rows[0].source, rows.map((r) => r.ref))
      const decisions = rows.map((row) => decideImport(stored.get(row.ref), row))
      const fresh = rows.filter((_, i) => decisions[i].kind === 'insert')
      const ids = fresh.length > 0 ? await this.insertNew(fresh, opts) : new Map<string, number>()
      const outcomes: ImportOutcome[] = []
      for (const [i, d] of decisions.entries()) {
        if (d.kind === 'insert') outcomes.push({kind: 'inserted', id: ids.get(rows[i].ref)!})
        else if (d.kind === 'update') {
          await this.update(tx, d.id, rows[i], d, opts)
          outcomes.push({kind: 'updated', id: d.id, changed: Object.keys(d.after)})
        } else outcomes.push({kind: d.kind === 'unchanged' ? 'unchanged' : 'conflict', id: d.id})
      }
      return outcomes
    })
  }

  private async insertNew(rows: IncomingCase[], opts: {actor: string; now: Date}): Promise<Map<string, number>> {
    const client = this.pg.raw()
    if (!staged.has(client)) {
      await this.pg.exec(STAGE_DDL)
      staged.add(client)
    }
    await copyInto(client, STAGE, STAGE_COLUMNS, rows.map(stageRow))
    const now = opts.now.toISOString()
    const inserted = await this.pg.all<{id: number; ref: string}>(INSERT_NEW, [now, now, opts.actor, now, opts.actor, now])
    await this.pg.exec(`TRUNCATE ${STAGE}`)
    return new Map(inserted.map((r) => [r.ref, Number(r.id)]))
  }
}

function stageRow(row: IncomingCase, ord: number): Param[] {
  // The same status and event text as the shared path's insert().
  const status = row.resolvedAt ? 'closed' : row.reply ? 'replied' : 'new'
  return [
    ord, row.source, row.ref, row.title, row.body, row.author, row.contact, row.postedAt, row.region, row.addressee,
    row.type, row.category, row.likes ?? 0, row.dislikes ?? 0, row.resolvedAt, json(row.extra), row.reply?.body ?? null,
    row.reply?.sentAt ?? null, status, json({source: row.source, ref: row.ref, status}),
  ]
}
