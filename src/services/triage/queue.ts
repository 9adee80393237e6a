import type {Case} from '../../domain/case.js'
import {suggest, type Suggestion} from '../../domain/suggest.js'
import type {Store} from '../../store/store.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'
import {incidentCandidates} from './incident-lookup.js'
import type {TriageContext} from './context.js'

// The interactive queue's store side: which message a clerk sees next, and the decisions that are
// not plain triage (merge, reject). The worker is the clerk's actor name, so a clerk whose terminal
// died gets their own leased message back first.

export const CLERK_LEASE_SECONDS = 15 * 60

/**
 * Leases the next new message for this clerk, passing over the ones skipped this session; returns
 * undefined when none is left. Extra leases taken while passing over skipped ones are let go at once.
 */
export async function nextForClerk(store: Store, opts: {worker: string; now: Date; skipped: ReadonlySet<number>}): Promise<Case | undefined> {
  const got = await store.cases.claim({status: ['new']}, {worker: opts.worker, now: opts.now, leaseSeconds: CLERK_LEASE_SECONDS, limit: opts.skipped.size + 1})
  const next = got.find((c) => !opts.skipped.has(c.id))
  for (const c of got) if (c !== next) await store.cases.release(c.id, opts.worker)
  return next
}

/**
 * Suggestions for one message, duplicates searched among cases posted within 30 days of it: the
 * newest of that window (a repeat by the same author) and those the search index finds alike
 * however many others were posted meanwhile.
 */
export async function suggestionsFor(store: Store, c: Case, ctx: TriageContext): Promise<Suggestion> {
  const at = Date.parse(c.postedAt)
  const recent = await store.cases.list({since: new Date(at - 30 * 86_400_000).toISOString(), until: new Date(at + 30 * 86_400_000).toISOString(), limit: 2000})
  const alike = await store.cases.similar(c, {limit: SIMILAR, excludeId: c.id})
  const others = new Map([...recent, ...alike].map((o) => [o.id, o]))
  const incidents = ctx.incidents ? await incidentCandidates(store, c, ctx.incidents, alike) : undefined
  return suggest(c, {...ctx, others: [...others.values()].filter((o) => o.status !== 'merged' && o.status !== 'rejected'), incidentCandidates: incidents})
}

/** Candidates the index is asked for; findDuplicates keeps those alike enough within the window. */
const SIMILAR = 50

/** 并案: the message joins another case. */
export async function mergeInto(store: Store, c: Case, targetId: number, opts: {actor: string; now: Date}): Promise<Case> {
  const changed = await store.cases.change(c.id, {status: 'merged', mergedInto: targetId}, {actor: opts.actor, now: opts.now, action: 'merge', expectedVersion: c.version, note: {into: targetId}})
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action: 'merge', ...opts, zone})
  return changed
}

/** 不予受理: spam or not a matter for the board; the reason is kept in the event. */
export async function rejectCase(store: Store, c: Case, reason: string, opts: {actor: string; now: Date}): Promise<Case> {
  const changed = await store.cases.change(c.id, {status: 'rejected'}, {actor: opts.actor, now: opts.now, action: 'reject', expectedVersion: c.version, note: {reason}})
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action: 'reject', ...opts, zone})
  return changed
}
