import type {HolidayYear} from '../../domain/sla/calendar.js'
import {type DeadlineRow, RUNNING_STATUSES} from '../../domain/sla/overdue.js'
import type {OutboxEntry, OutboxRow, SlaRepository, StoredClock} from '../sla.js'
import {SqlEvents} from './events.js'
import {type Executor, type Param, placeholders} from './executor.js'
import {parseJson} from './rows.js'

const OPEN_STATUSES: readonly string[] = RUNNING_STATUSES
// Well under either backend's limit of bound parameters a statement.
const CLOCKS_PER_QUERY = 500

function toClock(r: Record<string, unknown>): StoredClock {
  return {
    caseId: Number(r.case_id),
    ruleIndex: r.rule_index === null ? null : Number(r.rule_index),
    ruleName: (r.rule_name as string | null) ?? null,
    history: parseJson(r.history) as StoredClock['history'],
    warnings: (parseJson(r.warnings) as string[] | null) ?? [],
    computedAt: String(r.computed_at),
  }
}

export class SqlSla implements SlaRepository {
  constructor(private readonly db: Executor) {}

  async getClock(caseId: number): Promise<StoredClock | undefined> {
    const r = await this.db.get<Record<string, unknown>>('SELECT * FROM sla_clocks WHERE case_id = ?', [caseId])
    return r ? toClock(r) : undefined
  }

  async getClocks(caseIds: readonly number[]): Promise<Map<number, StoredClock>> {
    const out = new Map<number, StoredClock>()
    const ids = [...new Set(caseIds)]
    for (let i = 0; i < ids.length; i += CLOCKS_PER_QUERY) {
      const chunk = ids.slice(i, i + CLOCKS_PER_QUERY)
      for (const r of await this.db.all<Record<string, unknown>>(`SELECT * FROM sla_clocks WHERE case_id IN (${placeholders(chunk.length)})`, chunk)) {
        const c = toClock(r)
        out.set(c.caseId, c)
      }
    }
    return out
  }

  async putClock(c: StoredClock): Promise<void> {
    await this.db.run(
      `INSERT INTO sla_clocks (case_id, rule_index, rule_name, history, warnings, computed_at, reopened_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET rule_index = excluded.rule_index, rule_name = excluded.rule_name,
         history = excluded.history, warnings = excluded.warnings, computed_at = excluded.computed_at, reopened_at = excluded.reopened_at`,
      [c.caseId, c.ruleIndex, c.ruleName, JSON.stringify(c.history), JSON.stringify(c.warnings), c.computedAt, c.history.reopenedAt],
    )
  }

  async calendarYears(): Promise<HolidayYear[]> {
    const rows = await this.db.all<{data: string}>('SELECT data FROM calendar_years ORDER BY year')
    return rows.map((r) => parseJson(r.data) as HolidayYear)
  }

  async putCalendarYear(year: HolidayYear, opts: {actor: string; now: Date}): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO calendar_years (year, data, imported_at, imported_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET data = excluded.data, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
        [year.year, JSON.stringify(year), opts.now.toISOString(), opts.actor],
      )
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'calendar.import', after: {year: year.year, days: year.days.length}})
    })
  }

  async deadlinesBefore(before: string, opts: {unit?: string; after?: string} = {}): Promise<DeadlineRow[]> {
    // The running cases with a respond or resolve deadline in range, through the (status, due)
    // index of each, a million closed cases never read; in one pass or two (the dialect's
    // eitherRange). The respond stage is open until a reply of the current cycle: a reopened case's
    // first reply (kept for statistics) predates its cycle and answers nothing of it.
    const range = (col: string) => (opts.after ? `${col} < ? AND ${col} >= ?` : `${col} < ?`)
    const rangeParams: Param[] = opts.after ? [before, opts.after] : [before]
    const respondLate = `${range('c.respond_due_at')} AND (c.responded_at IS NULL OR c.responded_at < k.reopened_at)`
    const running = `c.status IN (${placeholders(OPEN_STATUSES.length)})`
    const unit = opts.unit ? ' AND (u.code = ? OR u.name = ?)' : ''
    const unitParams: Param[] = opts.unit ? [opts.unit, opts.unit] : []
    const select = (respond: string, resolve: string) => `SELECT c.id, c.title, u.name AS unit, u.code AS unit_code, h.name AS handler,
        c.respond_due_at, c.resolve_due_at, ${respond} AS respond_late, ${resolve} AS resolve_late
      FROM cases c LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN handlers h ON h.id = c.handler_id
      LEFT JOIN sla_clocks k ON k.case_id = c.id`
    const query =
      this.db.dialect.eitherRange === 'one-pass'
        ? {
            sql: `${select(`CASE WHEN ${respondLate} THEN 1 ELSE 0 END`, `CASE WHEN ${range('c.resolve_due_at')} THEN 1 ELSE 0 END`)}
              WHERE ${running} AND ((${range('c.respond_due_at')}) OR (${range('c.resolve_due_at')}))${unit}`,
            params: [...rangeParams, ...rangeParams, ...OPEN_STATUSES, ...rangeParams, ...rangeParams, ...unitParams],
          }
        : {
            sql: `${select('1', '0')} WHERE ${running} AND ${respondLate}${unit}
              UNION ALL ${select('0', '1')} WHERE ${running} AND ${range('c.resolve_due_at')}${unit}`,
            params: [...OPEN_STATUSES, ...rangeParams, ...unitParams, ...OPEN_STATUSES, ...rangeParams, ...unitParams],
          }
    const out: DeadlineRow[] = []
    for (const r of await this.db.all<Record<string, unknown>>(query.sql, query.params)) {
      const row = (stage: DeadlineRow['stage'], due: unknown): DeadlineRow => ({
        caseId: Number(r.id),
        title: String(r.title),
        unit: (r.unit as string | null) ?? null,
        unitCode: (r.unit_code as string | null) ?? null,
        handler: (r.handler as string | null) ?? null,
        stage,
        dueAt: new Date(String(due)).toISOString(),
      })
      if (Number(r.respond_late) === 1) out.push(row('respond', r.respond_due_at))
      if (Number(r.resolve_late) === 1) out.push(row('resolve', r.resolve_due_at))
    }
    return out
  }

  async enqueue(entries: OutboxEntry[], now: Date): Promise<number> {
    if (entries.length === 0) return 0
    return this.db.transaction(async (tx) => {
      let added = 0
      for (const e of entries) {
        const r = await tx.run(
          `INSERT INTO sla_outbox (case_id, stage, due_at, step, channel, kind, payload, next_attempt_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, stage, due_at, step, channel) DO NOTHING`,
          [e.caseId, e.stage, e.dueAt, e.step, e.channel, e.kind, JSON.stringify(e.payload), now.toISOString(), now.toISOString()],
        )
        added += r.changes
      }
      return added
    })
  }

  async claimOutbox(opts: {worker: string; now: Date; leaseSeconds: number; limit: number; unit?: string; leaseNow?: Date}): Promise<OutboxRow[]> {
    const until = new Date((opts.leaseNow ?? opts.now).getTime() + opts.leaseSeconds * 1000).toISOString()
    return this.db.transaction(async (tx) => {
      const lock = tx.dialect.supportsSkipLocked ? ' FOR UPDATE SKIP LOCKED' : ''
      const ready = readyRows(opts)
      const rows = await tx.all<{id: number}>(`SELECT id FROM sla_outbox WHERE ${ready.where} ORDER BY id LIMIT ?${lock}`, [...ready.params, opts.limit])
      const ids = rows.map((r) => Number(r.id))
      if (ids.length === 0) return []
      await tx.run(`UPDATE sla_outbox SET leased_by = ?, lease_until = ?, attempts = attempts + 1 WHERE id IN (${placeholders(ids.length)})`, [opts.worker, until, ...ids])
      const claimed = await tx.all<Record<string, unknown>>(`SELECT * FROM sla_outbox WHERE id IN (${placeholders(ids.length)}) ORDER BY id`, ids)
      return claimed.map(toOutbox)
    })
  }

  async countReady(opts: {now: Date; unit?: string; leaseNow?: Date}): Promise<number> {
    const ready = readyRows(opts)
    const row = await this.db.get<{n: number | string}>(`SELECT count(*) AS n FROM sla_outbox WHERE ${ready.where}`, ready.params)
    return Number(row?.n ?? 0)
  }

  async renewClaims(ids: number[], worker: string, until: Date): Promise<number> {
    if (ids.length === 0) return 0
    // Each write is its own transaction: a run's lanes share one connection, and a statement sent
    // while another lane's claim is open would otherwise join (and could roll back with) it.
    const r = await this.db.transaction((tx) => tx.run(
      `UPDATE sla_outbox SET lease_until = ? WHERE leased_by = ? AND status <> 'sent' AND id IN (${placeholders(ids.length)})`,
      [until.toISOString(), worker, ...ids],
    ))
    return r.changes
  }

  async markSent(id: number, worker: string, now: Date): Promise<boolean> {
    const r = await this.db.transaction((tx) => tx.run(
      "UPDATE sla_outbox SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = NULL WHERE id = ? AND leased_by = ? AND status <> 'sent'",
      [now.toISOString(), id, worker],
    ))
    return r.changes === 1
  }

  async markFailed(id: number, worker: string, error: string, retryAt: Date): Promise<void> {
    await this.db.transaction((tx) => tx.run("UPDATE sla_outbox SET status = 'failed', last_error = ?, next_attempt_at = ?, lease_until = NULL WHERE id = ? AND leased_by = ?", [
      error.slice(0, 500), retryAt.toISOString(), id, worker,
    ]))
  }

  async markDropped(id: number, worker: string, reason: string): Promise<void> {
    await this.db.transaction((tx) => tx.run("UPDATE sla_outbox SET status = 'dropped', last_error = ?, lease_until = NULL WHERE id = ? AND leased_by = ?", [
      reason.slice(0, 500), id, worker,
    ]))
  }

  async failures(): Promise<OutboxRow[]> {
    const rows = await this.db.all<Record<string, unknown>>("SELECT * FROM sla_outbox WHERE status = 'failed' ORDER BY id")
    return rows.map(toOutbox)
  }
}

function toOutbox(r: Record<string, unknown>): OutboxRow {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    stage: r.stage as OutboxRow['stage'],
    dueAt: String(r.due_at),
    step: String(r.step),
    channel: String(r.channel),
    kind: r.kind as OutboxRow['kind'],
    payload: parseJson(r.payload),
    status: r.status as OutboxRow['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: String(r.next_attempt_at),
    lastError: (r.last_error as string | null) ?? null,
  }
}

/** Rows ready to send as of now (pending, or failed and due for retry), not leased by a live run. */
function readyRows(opts: {now: Date; unit?: string; leaseNow?: Date}): {where: string; params: Param[]} {
  const unit = opts.unit ? ' AND case_id IN (SELECT c.id FROM cases c JOIN units u ON u.id = c.unit_id WHERE u.code = ? OR u.name = ?)' : ''
  return {
    where: `status IN ('pending', 'failed') AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)${unit}`,
    params: [opts.now.toISOString(), (opts.leaseNow ?? opts.now).toISOString(), ...(opts.unit ? [opts.unit, opts.unit] : [])],
  }
}
