import type {Reply} from '../../domain/case.js'
import type {BoardReply, ReplyAttempt, ReplyVersion} from '../../store/replies.js'
import type {Store} from '../../store/store.js'
import {findCase} from '../cases/find.js'

export interface ReplyDetail {
  caseId: number
  /** The reply being worked on, or null when every reply was sent (or none was drafted). */
  current: (BoardReply & {versions: ReplyVersion[]; attempts: ReplyAttempt[]}) | null
  /** Every reply of the case, oldest first (imported and sent ones included). */
  history: Reply[]
}

export async function showReply(store: Store, key: string): Promise<ReplyDetail> {
  const c = await findCase(store, key)
  const open = await store.replies.open(c.id)
  const history = await store.cases.replies(c.id)
  if (!open) return {caseId: c.id, current: null, history}
  const [versions, attempts] = await Promise.all([store.replies.versions(open.id), store.replies.attempts(open.id)])
  return {caseId: c.id, current: {...open, versions, attempts}, history}
}
