import {NotFoundError, UsageError} from '../errors.js'
import type {AccessControl, GrantResult, RoleGrant} from '../store/access.js'
import type {Store} from '../store/store.js'
import type {Unit} from '../store/units.js'

export interface GrantRequest {
  role: string
  /** A unit code or exact name; the role reaches it and every unit below it. */
  unit?: string
  admin?: boolean
  actor: string
  now: Date
}

function accessOf(store: Store): AccessControl {
  if (!store.access) {
    throw new UsageError(`access grants need a PostgreSQL store; ${store.location} is ${store.backend}`, 'pass --store postgres://… (SQLite has no database roles)')
  }
  return store.access
}

async function unitOf(store: Store, code: string): Promise<Unit> {
  const unit = await store.units.find(code)
  if (!unit) throw new NotFoundError(`no unit ${code}`, {suggestion: 'board unit list shows the codes'})
  return unit
}

export async function grantAccess(store: Store, req: GrantRequest): Promise<GrantResult> {
  const access = accessOf(store)
  if (Boolean(req.unit) === Boolean(req.admin)) throw new UsageError('say what to grant', 'pass --unit UNIT or --admin')
  if (req.admin) return access.grantAdmin(req.role, {actor: req.actor, now: req.now})
  const unit = await unitOf(store, req.unit!)
  return access.grantUnit(req.role, unit.id, {actor: req.actor, now: req.now})
}

export interface RevokeResult {
  role: string
  unit: string
  revoked: boolean
}

export async function revokeAccess(store: Store, req: {role: string; unit: string; actor: string; now: Date}): Promise<RevokeResult> {
  const access = accessOf(store)
  const unit = await unitOf(store, req.unit)
  return {role: req.role, unit: unit.code, revoked: await access.revokeUnit(req.role, unit.id, {actor: req.actor, now: req.now})}
}

export async function listGrants(store: Store): Promise<RoleGrant[]> {
  return accessOf(store).list()
}
