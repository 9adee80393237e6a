import {NotFoundError, UsageError} from '../errors.js'
import type {GrantResult} from '../store/access.js'
import type {Store} from '../store/store.js'

export interface GrantRequest {
  role: string
  /** A unit code or exact name; the role reaches it and every unit below it. */
  unit?: string
  admin?: boolean
  actor: string
  now: Date
}

export async function grantAccess(store: Store, req: GrantRequest): Promise<GrantResult> {
  if (!store.access) {
    throw new UsageError(`access grants need a PostgreSQL store; ${store.location} is ${store.backend}`, 'pass --store postgres://… (SQLite has no database roles)')
  }
  if (Boolean(req.unit) === Boolean(req.admin)) throw new UsageError('say what to grant', 'pass --unit UNIT or --admin')
  if (req.admin) return store.access.grantAdmin(req.role, {actor: req.actor, now: req.now})
  const unit = await store.units.find(req.unit!)
  if (!unit) throw new NotFoundError(`no unit ${req.unit}`, {suggestion: 'board unit list shows the codes'})
  return store.access.grantUnit(req.role, unit.id, {actor: req.actor, now: req.now})
}
