import type {Case} from '../../domain/case.js'
import {ConflictError} from '../../errors.js'
import type {Rating} from '../../store/replies.js'
import type {Store} from '../../store/store.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'
import {findCase} from '../cases/find.js'

export interface RateResult {
  caseId: number
  rating: Rating | null
  /** False when the same rating (case and time) was already stored. */
  recorded: boolean
  reopened: boolean
}

/**
 * Records a citizen's verdict on an answered case; an unsatisfied one reopens the case (in the
 * same transaction as the rating), and its deadlines restart per policy.
 */
export async function rateCase(
  store: Store,
  c: Case,
  r: {satisfied: boolean; comment: string | null; ratedAt: string; source: string | null},
  opts: {actor: string; now: Date},
): Promise<RateResult> {
  const outcome = await store.transaction(async (s) => {
    // Duplicates first: re-importing a file after it reopened cases must report them as seen, not fail.
    const rating = await s.ratings.add({caseId: c.id, ...r}, opts)
    if (!rating) return {rating: null, changed: null}
    if (c.status !== 'replied' && c.status !== 'closed') {
      throw new ConflictError(`case ${c.id} is ${c.status}; only a replied or closed case can be rated`)
    }
    const note = {ratingId: rating.id, satisfied: r.satisfied, comment: r.comment, ratedAt: r.ratedAt}
    const patch = r.satisfied ? {} : {status: 'reopened', resolvedAt: null}
    const changed = await s.cases.change(c.id, patch, {actor: opts.actor, now: opts.now, action: r.satisfied ? 'rate' : 'rate.unsatisfied', note})
    return {rating, changed}
  })
  const reopened = Boolean(outcome.changed && !r.satisfied)
  if (outcome.changed && reopened) {
    const {zone} = await storeZone(store)
    await updateDeadlines(store, outcome.changed, {action: 'rate.unsatisfied', actor: opts.actor, now: opts.now, zone})
  }
  return {caseId: c.id, rating: outcome.rating, recorded: outcome.rating !== null, reopened}
}

/** rateCase for a case named as the user typed it (id or SOURCE/REF). */
export async function rateByKey(
  store: Store,
  key: string,
  r: {satisfied: boolean; comment: string | null; ratedAt: string},
  opts: {actor: string; now: Date},
): Promise<RateResult> {
  return rateCase(store, await findCase(store, key), {...r, source: null}, opts)
}
