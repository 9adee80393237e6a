import type {Case} from '../../domain/case.js'
import {ConflictError, UsageError} from '../../errors.js'
import type {Store} from '../../store/store.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'
import {findCase} from './find.js'

interface Opts {
  actor: string
  now: Date
}

const FINAL = new Set(['merged', 'rejected'])

/** The handler closes a case (办结): resolvedAt is set once, when it is first resolved after a (re)opening. */
export async function closeCase(store: Store, key: string, opts: Opts & {note?: string}): Promise<Case> {
  const c = await findCase(store, key)
  if (c.status === 'closed') throw new ConflictError(`case ${c.id} is already closed`)
  if (FINAL.has(c.status)) throw new ConflictError(`case ${c.id} is ${c.status}`)
  const changed = await store.cases.change(
    c.id,
    {status: 'closed', resolvedAt: opts.now.toISOString()},
    {...opts, action: 'close', expectedVersion: c.version, note: opts.note ? {note: opts.note} : undefined},
  )
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action: 'close', actor: opts.actor, now: opts.now, zone})
  return changed
}

/** Reopens a replied or closed case with a reason; its deadlines restart per policy. */
export async function reopenCase(store: Store, key: string, opts: Opts & {reason: string; action?: string; extra?: Record<string, unknown>}): Promise<Case> {
  if (opts.reason.trim() === '') throw new UsageError('a reason is required', 'pass --reason TEXT')
  const c = await findCase(store, key)
  return reopenLoaded(store, c, opts)
}

export async function reopenLoaded(store: Store, c: Case, opts: Opts & {reason: string; action?: string; extra?: Record<string, unknown>}): Promise<Case> {
  if (c.status !== 'replied' && c.status !== 'closed') {
    throw new ConflictError(`case ${c.id} is ${c.status}; only replied or closed cases can be reopened`)
  }
  const action = opts.action ?? 'reopen'
  const changed = await store.cases.change(
    c.id,
    {status: 'reopened', resolvedAt: null},
    {actor: opts.actor, now: opts.now, action, expectedVersion: c.version, note: {reason: opts.reason, ...opts.extra}},
  )
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action, actor: opts.actor, now: opts.now, zone})
  return changed
}
