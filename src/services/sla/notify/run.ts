import {stopHere} from '../../boundary.js'
import {randomUUID} from 'node:crypto'
import {hostname} from 'node:os'

import type {Channel} from '../../../domain/sla/channels.js'
import type {Store} from '../../../store/store.js'
import {loadSlaContext} from '../context.js'
import type {Reminder} from './message.js'
import {planReminders} from './plan.js'
import {createSender, type Sender} from './send.js'

export interface NotifyResult {
  dryRun: boolean
  /** New outbox rows recorded by this run (or, dry run, reminders that would be). */
  planned: number
  /** Dry run: the reminders due now (some may have been sent by an earlier run). */
  plan: {caseId: number; stage: string; step: string; channel: string}[]
  sent: {caseId: number; stage: string; step: string; channel: string}[]
  failed: {caseId: number; stage: string; step: string; channel: string; attempts: number; error: string; retryAt: string}[]
  noChannel: {caseId: number; unit: string | null}[]
  /** Stopped early (Ctrl-C): reminders not yet claimed stay in the outbox for the next run. */
  interrupted: boolean
}

const LEASE_SECONDS = 300
const BATCH = 50

/** Retry after 5 min, 10, 20, … capped at 6 h: a channel that is down is not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(5 * 60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000)
}

/**
 * Records every due reminder in the outbox first (unique per case, stage, deadline, step,
 * channel), then claims ready rows under a lease and sends them: a row claimed by one run is
 * invisible to another, so overlapping cron runs never send the same reminder twice.
 */
export async function runNotify(store: Store, opts: {now: Date; dryRun: boolean; tz: string; sender?: Sender; signal?: AbortSignal}): Promise<NotifyResult> {
  const sla = await loadSlaContext(store, opts.tz)
  const plan = await planReminders(store, sla, opts.now)
  const result: NotifyResult = {dryRun: opts.dryRun, planned: 0, plan: [], sent: [], failed: [], noChannel: plan.noChannel, interrupted: false}
  if (opts.dryRun) {
    result.planned = plan.entries.length
    result.plan = plan.entries.map((e) => ({caseId: e.caseId, stage: e.stage, step: e.step, channel: e.channel}))
    return result
  }
  result.planned = await store.sla.enqueue(plan.entries, opts.now)
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const sender = opts.sender ?? createSender(sla.channels, opts.tz)
  try {
    for (;;) {
      if (await stopHere(opts.signal)) {
        result.interrupted = true
        break
      }
      const rows = await store.sla.claimOutbox({worker, now: opts.now, leaseSeconds: LEASE_SECONDS, limit: BATCH})
      if (rows.length === 0) break
      await Promise.all(
        rows.map(async (row) => {
          const {channel, reminder} = row.payload as {channel: Channel; reminder: Reminder}
          const id = {caseId: row.caseId, stage: row.stage, step: row.step, channel: row.channel}
          try {
            await sender.send(channel, reminder)
            await store.sla.markSent(row.id, worker, new Date())
            result.sent.push(id)
          } catch (error) {
            const retryAt = new Date(opts.now.getTime() + backoffMs(row.attempts))
            await store.sla.markFailed(row.id, worker, (error as Error).message, retryAt)
            result.failed.push({...id, attempts: row.attempts, error: (error as Error).message, retryAt: retryAt.toISOString()})
          }
        }),
      )
    }
  } finally {
    sender.close()
  }
  return result
}
