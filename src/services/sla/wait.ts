import type {Case} from '../../domain/case.js'
import {UsageError} from '../../errors.js'
import type {Store} from '../../store/store.js'
import {findCase} from '../cases/find.js'
import {storeZone} from '../store-zone.js'
import {updateDeadlines} from './deadlines.js'

export interface WaitResult {
  id: number
  status: string
  respondDueAt: string | null
  resolveDueAt: string | null
}

/**
 * Puts a case on `waiting` (the citizen owes an answer; the clock stops) or back to the status it
 * had before, found in the audit log. Deadlines are recomputed at once.
 */
export async function setWaiting(store: Store, key: string, waiting: boolean, opts: {actor: string; now: Date; reason?: string}): Promise<WaitResult> {
  const c = await findCase(store, key)
  if (waiting && c.status === 'waiting') throw new UsageError(`case ${c.id} is already waiting`)
  if (!waiting && c.status !== 'waiting') throw new UsageError(`case ${c.id} is not waiting (status ${c.status})`)
  if (waiting && ['closed', 'rejected', 'merged'].includes(c.status)) throw new UsageError(`case ${c.id} is ${c.status}; only an open case can wait`)
  let status = 'waiting'
  if (!waiting) {
    const events = await store.events.forCase(c.id)
    const wait = events.reverse().find((e) => e.action === 'wait')
    status = ((wait?.before as {status?: string} | null)?.status as string | undefined) ?? (c.unitId === null ? 'triaged' : 'assigned')
  }
  const action = waiting ? 'wait' : 'resume'
  const changed: Case = await store.cases.change(c.id, {status}, {
    actor: opts.actor, now: opts.now, action, expectedVersion: c.version, note: opts.reason ? {reason: opts.reason} : undefined,
  })
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action, actor: opts.actor, now: opts.now, zone})
  const after = (await store.cases.get(c.id))!
  return {id: c.id, status, respondDueAt: after.respondDueAt, resolveDueAt: after.resolveDueAt}
}
