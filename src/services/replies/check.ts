import type {Case} from '../../domain/case.js'
import {type CheckFinding, checkReply} from '../../domain/reply-check.js'
import type {ReplyRules} from '../../domain/reply-policy.js'
import {NotFoundError} from '../../errors.js'
import type {BoardReply} from '../../store/replies.js'
import type {Store} from '../../store/store.js'
import {findCase} from '../cases/find.js'
import {replyRulesFor} from './rules.js'

export interface ReplyCheckResult {
  caseId: number
  replyId: number
  findings: CheckFinding[]
  /** The unit's policy turns findings into a block for approval and sending. */
  blocking: boolean
  rules: ReplyRules
}

export async function checkCaseReply(store: Store, key: string): Promise<ReplyCheckResult> {
  const c = await findCase(store, key)
  const reply = await store.replies.open(c.id)
  if (!reply) throw new NotFoundError(`case ${c.id} has no draft reply`, {suggestion: `board reply draft ${c.id} --body …`})
  return evaluate(store, c, reply)
}

export async function evaluate(store: Store, c: Case, reply: BoardReply, known?: ReplyRules): Promise<ReplyCheckResult> {
  const rules = known ?? (await replyRulesFor(store, c))
  const findings = checkReply({reply: reply.body, message: {title: c.title, body: c.body, contact: c.contact}}, rules)
  return {caseId: c.id, replyId: reply.id, findings, blocking: rules.check === 'block' && findings.length > 0, rules}
}
