import type {Case, CaseEvent, Reply} from '../domain/case.js'
import type {Store} from '../store/store.js'
import {findCase} from './find-case.js'

export interface CaseDetail {
  case: Case
  replies: Reply[]
  events: CaseEvent[]
}

export async function showCase(store: Store, key: string): Promise<CaseDetail> {
  const c = await findCase(store, key)
  const [replies, events] = await Promise.all([store.cases.replies(c.id), store.events.forCase(c.id)])
  return {case: c, replies, events}
}
