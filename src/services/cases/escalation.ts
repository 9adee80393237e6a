import type {Case} from '../../domain/case.js'
import {NotFoundError, UsageError, ValidationError} from '../../errors.js'
import type {Store} from '../../store/store.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'

const FINAL = new Set(['closed', 'rejected', 'merged'])

async function open(store: Store, id: number): Promise<Case> {
  const c = await store.cases.get(id)
  if (!c) throw new NotFoundError(`no case ${id}`)
  if (FINAL.has(c.status)) throw new ValidationError(`case ${id} is ${c.status}`)
  return c
}

/**
 * 转办: the case moves to another unit with a reason; the handler is cleared (the new unit picks
 * one). The event keeps the unit it came from, so the SLA capability can decide what the move means.
 */
export async function transferCase(store: Store, id: number, opts: {to: string; reason: string; actor: string; now: Date}): Promise<Case> {
  if (opts.reason.trim() === '') throw new UsageError('a transfer needs a reason', 'pass --reason TEXT')
  const c = await open(store, id)
  const unit = await store.units.find(opts.to)
  if (!unit) throw new UsageError(`no unit ${opts.to}`, 'see board unit list')
  if (c.unitId === unit.id) throw new ValidationError(`case ${id} is already with ${unit.code}`)
  const from = c.unitId ? ((await store.units.get(c.unitId))?.code ?? null) : null
  const changed = await store.cases.change(id, {unitId: unit.id, handlerId: null, status: 'assigned'}, {
    actor: opts.actor, now: opts.now, action: 'transfer', expectedVersion: c.version, note: {reason: opts.reason, from, to: unit.code},
  })
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action: 'transfer', actor: opts.actor, now: opts.now, zone})
  return changed
}

/** 督办: a superior flags the case for follow-up; its priority goes up by one each time. */
export async function superviseCase(store: Store, id: number, opts: {note: string; actor: string; now: Date}): Promise<Case> {
  if (opts.note.trim() === '') throw new UsageError('supervision needs a note', 'pass --note TEXT')
  const c = await open(store, id)
  const changed = await store.cases.change(id, {supervised: true, priority: c.priority + 1}, {
    actor: opts.actor, now: opts.now, action: 'supervise', expectedVersion: c.version, note: {note: opts.note},
  })
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action: 'supervise', actor: opts.actor, now: opts.now, zone})
  return changed
}
