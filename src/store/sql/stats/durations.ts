import type {CaseDurations, PendingDurations} from '../../stats.js'
import type {Executor} from '../executor.js'
import {instant} from '../rows.js'

/**
 * The handling times stored on each case (migration 9): the basis they were counted on, the cases
 * still missing them, and saving them. SqlStats (aggregate.ts) reads them.
 */
export class SqlStatsDurations {
  constructor(protected readonly db: Executor) {}

  async durationBasis(): Promise<string | null> {
    const row = await this.db.get<{basis: string}>('SELECT basis FROM stats_basis WHERE id = 1')
    return row ? String(row.basis) : null
  }

  async resetDurations(basis: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const had = await tx.get('SELECT basis FROM stats_basis WHERE id = 1')
      // Nothing was ever computed without a basis: the first one needs no pass over every case.
      if (had) await tx.run('UPDATE cases SET respond_days = NULL, resolve_days = NULL, respond_wdays = NULL, resolve_wdays = NULL WHERE respond_days IS NOT NULL OR resolve_days IS NOT NULL')
      await tx.run('INSERT INTO stats_basis (id, basis) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET basis = excluded.basis', [basis])
    })
  }

  async pendingDurations(after: number, limit: number): Promise<PendingDurations[]> {
    const lock = this.db.dialect.supportsSkipLocked ? ' FOR UPDATE' : ''
    // The condition is the partial index's own, so the scan reads only the cases it lists. Pinned
    // to it: statistics gathered while most durations were missing make the planner scan them all.
    const rows = await this.db.all(
      `SELECT id, posted_at, responded_at, resolved_at FROM cases${this.db.dialect.indexedBy('cases_durations_missing')}
       WHERE ((responded_at IS NOT NULL AND respond_days IS NULL) OR (resolved_at IS NOT NULL AND resolve_days IS NULL)) AND id > ?
       ORDER BY id LIMIT ${Number(limit)}${lock}`,
      [after],
    )
    return rows.map((r) => ({id: Number(r.id), postedAt: instant(r.posted_at)!, respondedAt: instant(r.responded_at), resolvedAt: instant(r.resolved_at)}))
  }

  async saveDurations(rows: CaseDurations[]): Promise<void> {
    const d = this.db.dialect
    const days = (at: string) => `CASE WHEN cases.${at} IS NOT NULL THEN ${d.daysBetween('cases.posted_at', `cases.${at}`)} END`
    const set = `respond_days = ${days('responded_at')}, resolve_days = ${days('resolved_at')}`
    if (d.manyRowUpdates === 'per-row') {
      for (const r of rows) await this.db.run(`UPDATE cases SET ${set}, respond_wdays = ?, resolve_wdays = ? WHERE id = ?`, [r.respondWorkingDays, r.resolveWorkingDays, r.id])
      return
    }
    for (let i = 0; i < rows.length; i += SAVE_PAGE) {
      const page = rows.slice(i, i + SAVE_PAGE)
      // The casts give PostgreSQL the VALUES' column types.
      const values = page.map(() => '(CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION))').join(', ')
      await this.db.run(
        `UPDATE cases SET ${set}, respond_wdays = v.column2, resolve_wdays = v.column3 FROM (VALUES ${values}) AS v WHERE cases.id = v.column1`,
        page.flatMap((r) => [r.id, r.respondWorkingDays, r.resolveWorkingDays]),
      )
    }
  }
}

const SAVE_PAGE = 2000
