import {stopHere} from '../../boundary.js'
import {randomUUID} from 'node:crypto'
import {hostname} from 'node:os'

import type {Lang} from '../../../i18n/translate.js'
import type {Channel} from '../../../domain/sla/channels.js'
import {DEFAULT_DELIVERY, type DeliverySettings} from '../../../settings/notify-delivery.js'
import type {OutboxRow} from '../../../store/sla.js'
import type {Store} from '../../../store/store.js'
import {RUNNING_STATUSES} from '../../../domain/sla/overdue.js'
import {loadSlaContext} from '../context.js'
import {type Reminder, reminderKey} from './message.js'
import {planReminders} from './plan.js'
import {createSender, type Sender} from './send.js'

export interface NotifyResult {
  dryRun: boolean
  /** New outbox rows recorded by this run (or, dry run, reminders that would be). */
  planned: number
  /** Dry run: the reminders due now (some may have been sent by an earlier run). */
  plan: {caseId: number; stage: string; step: string; channel: string}[]
  sent: {caseId: number; stage: string; step: string; channel: string; key: string}[]
  /** Claimed reminders whose deadline was met or moved meanwhile (a retry for a case since answered): not sent. */
  dropped: {caseId: number; stage: string; step: string; channel: string; reason: string}[]
  failed: {caseId: number; stage: string; step: string; channel: string; attempts: number; error: string; retryAt: string}[]
  noChannel: {caseId: number; unit: string | null}[]
  /** Stopped early (Ctrl-C): reminders not yet claimed stay in the outbox for the next run. */
  interrupted: boolean
  /** Interrupted: the reminders ready to send that this run left in the outbox. */
  notDone: number
}

/** Retry after 5 min, 10, 20, … capped at 6 h: a channel that is down is not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000)
}

export interface NotifyOptions {
  /** What is due is judged as of this moment (--at); lateness in the text moves on from it as the run goes. */
  now: Date
  dryRun: boolean
  unit?: string
  sender?: Sender
  signal?: AbortSignal
  /** Real time, for claims: they are about live processes, never about --at. */
  clock?: () => Date
}

/**
 * Records every due reminder in the outbox first (unique per case, stage, deadline, step,
 * channel), then sends them. Delivery is at-least-once with a stable idempotency key per
 * reminder, and repeats are confined to reminders in flight when a run dies:
 * - each reminder is claimed by itself just before it is sent, at most `concurrency` at a time;
 * - claims are renewed while the run is alive, so a run of any length keeps what it holds and
 *   overlapping runs never send the same reminder;
 * - a killed run's claims lapse after `claimSeconds`, and a later run retries them.
 */
export async function runNotify(store: Store, opts: NotifyOptions): Promise<NotifyResult> {
  const sla = await loadSlaContext(store)
  const plan = await planReminders(store, sla, opts.now, {unit: opts.unit})
  const result: NotifyResult = {dryRun: opts.dryRun, planned: 0, plan: [], sent: [], dropped: [], failed: [], noChannel: plan.noChannel, interrupted: false, notDone: 0}
  if (opts.dryRun) {
    result.planned = plan.entries.length
    result.plan = plan.entries.map((e) => ({caseId: e.caseId, stage: e.stage, step: e.step, channel: e.channel}))
    return result
  }
  const delivery: DeliverySettings = {...DEFAULT_DELIVERY, ...((await store.settings.get<Partial<DeliverySettings>>('notify.delivery')) ?? {})}
  const lang: Lang = (await store.settings.get<string>('store.locale')) === 'en' ? 'en' : 'zh'
  const clock = opts.clock ?? (() => new Date())
  const startedAt = clock().getTime()
  const evaluatedAt = () => new Date(opts.now.getTime() + (clock().getTime() - startedAt))
  result.planned = await store.sla.enqueue(plan.entries, opts.now)
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const sender = opts.sender ?? createSender(sla.channels, sla.calendar.tz, undefined, lang)
  const claimMs = delivery.claimSeconds * 1000
  const inFlight = new Set<number>()
  let renewing: Promise<unknown> = Promise.resolve()
  const heartbeat = setInterval(() => {
    if (inFlight.size === 0) return
    renewing = store.sla.renewClaims([...inFlight], worker, new Date(clock().getTime() + claimMs)).catch(() => undefined)
  }, Math.max(200, claimMs / 3))

  const sendOne = async (row: OutboxRow) => {
    const {channel, reminder} = row.payload as {channel: Channel; reminder: Reminder}
    const key = reminderKey(row)
    const id = {caseId: row.caseId, stage: row.stage, step: row.step, channel: row.channel}
    const gone = await noLongerDue(store, row)
    if (gone) {
      await store.sla.markDropped(row.id, worker, gone)
      result.dropped.push({...id, reason: gone})
      return
    }
    // Rendered now, not when planned: a retry states the lateness of the moment it goes out.
    const fresh: Reminder = {...reminder, lateMs: evaluatedAt().getTime() - Date.parse(reminder.dueAt), key}
    try {
      await sender.send(channel, fresh)
      await store.sla.markSent(row.id, worker, clock())
      result.sent.push({...id, key})
    } catch (error) {
      const retryAt = new Date(evaluatedAt().getTime() + backoffMs(row.attempts))
      await store.sla.markFailed(row.id, worker, (error as Error).message, retryAt)
      result.failed.push({...id, attempts: row.attempts, error: (error as Error).message, retryAt: retryAt.toISOString()})
    }
  }

  const lane = async () => {
    for (;;) {
      if (await stopHere(opts.signal)) {
        result.interrupted = true
        return
      }
      const [row] = await store.sla.claimOutbox({worker, now: evaluatedAt(), leaseNow: clock(), leaseSeconds: delivery.claimSeconds, limit: 1, unit: opts.unit})
      if (!row) return
      inFlight.add(row.id)
      try {
        await sendOne(row)
      } finally {
        inFlight.delete(row.id)
      }
    }
  }
  try {
    await Promise.all(Array.from({length: delivery.concurrency}, lane))
  } finally {
    clearInterval(heartbeat)
    await renewing
    sender.close()
  }
  if (result.interrupted) result.notDone = await store.sla.countReady({now: evaluatedAt(), leaseNow: clock(), unit: opts.unit})
  return result
}

/** Why a claimed reminder should not go out any more (its case answered or closed, its deadline moved), else null. */
async function noLongerDue(store: Store, row: OutboxRow): Promise<string | null> {
  const c = await store.cases.get(row.caseId)
  if (!c) return 'the case is gone'
  if (!(RUNNING_STATUSES as readonly string[]).includes(c.status)) return `the case is ${c.status}`
  const due = row.stage === 'respond' ? c.respondDueAt : c.resolveDueAt
  if (due === null || Date.parse(due) !== Date.parse(row.dueAt)) return `the ${row.stage} deadline moved`
  return null
}
