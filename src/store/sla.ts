import type {HolidayYear} from '../domain/sla/calendar.js'
import type {ClockHistory} from '../domain/sla/clock.js'
import type {DeadlineRow} from '../domain/sla/overdue.js'

export interface StoredClock {
  caseId: number
  ruleIndex: number | null
  ruleName: string | null
  history: ClockHistory
  warnings: string[]
  computedAt: string
}

export interface OutboxEntry {
  caseId: number
  stage: 'respond' | 'resolve'
  dueAt: string
  step: string
  /** Which channel of the unit (e.g. "webhook:0", "email:supervisor"). */
  channel: string
  kind: 'remind' | 'escalate'
  /** What the sender needs (the channel config and the message), as JSON-ready data. */
  payload: unknown
}

export interface OutboxRow extends OutboxEntry {
  id: number
  /** dropped: its deadline was met or moved before it could be sent. */
  status: 'pending' | 'sent' | 'failed' | 'dropped'
  attempts: number
  nextAttemptAt: string
  lastError: string | null
}

/** SLA state: clocks, imported calendar years, deadlines due, and the notification outbox. */
export interface SlaRepository {
  getClock(caseId: number): Promise<StoredClock | undefined>
  /** The clocks of many cases at once (a case without one is absent): one query per few hundred cases, not one each. */
  getClocks(caseIds: readonly number[]): Promise<Map<number, StoredClock>>
  putClock(clock: StoredClock): Promise<void>
  calendarYears(): Promise<HolidayYear[]>
  /** Stores a year (replacing it) with an audit event. */
  putCalendarYear(year: HolidayYear, opts: {actor: string; now: Date}): Promise<void>
  /** Open deadlines before `before` (respond not yet responded, resolve not yet resolved). */
  deadlinesBefore(before: string, opts?: {unit?: string; after?: string}): Promise<DeadlineRow[]>
  /** Records entries not recorded before (unique key); returns how many were new. */
  enqueue(entries: OutboxEntry[], now: Date): Promise<number>
  /**
   * Leases up to limit ready rows (ready as of `now`; leases counted in real time, `leaseNow`,
   * which defaults to now) (pending, or failed and due for retry) to worker; concurrent
   * claimers never get the same row (SKIP LOCKED on PostgreSQL; BEGIN IMMEDIATE on SQLite).
   */
  claimOutbox(opts: {worker: string; now: Date; leaseSeconds: number; limit: number; unit?: string; leaseNow?: Date}): Promise<OutboxRow[]>
  /** How many rows claimOutbox would hand out now, without claiming any. */
  countReady(opts: {now: Date; unit?: string; leaseNow?: Date}): Promise<number>
  /** Extends worker's claims on rows still in its hands to `until`; returns how many it still held. */
  renewClaims(ids: number[], worker: string, until: Date): Promise<number>
  markSent(id: number, worker: string, now: Date): Promise<boolean>
  markFailed(id: number, worker: string, error: string, retryAt: Date): Promise<void>
  /** A claimed reminder no longer due (the case was answered, or its deadline moved): never sent. */
  markDropped(id: number, worker: string, reason: string): Promise<void>
  /** Rows still failing (for the report and doctor). */
  failures(): Promise<OutboxRow[]>
}
