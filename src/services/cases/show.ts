import type {Case, CaseEvent, Reply} from '../../domain/case.js'
import type {Store} from '../../store/store.js'
import {findCase} from './find.js'

export interface CaseDetail {
  case: Case
  replies: Reply[]
  events: CaseEvent[]
  /** Ids of the cases merged (并案) into this one. */
  mergedFrom: number[]
}

export async function showCase(store: Store, key: string): Promise<CaseDetail> {
  const c = await findCase(store, key)
  const [replies, events, merged] = await Promise.all([store.cases.replies(c.id), store.events.forCase(c.id), store.cases.list({mergedInto: c.id})])
  return {case: c, replies, events, mergedFrom: merged.map((m) => m.id).sort((a, b) => a - b)}
}
