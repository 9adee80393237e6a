import {ConflictError, NotFoundError, ValidationError} from '../../errors.js'
import type {BoardReply} from '../../store/replies.js'
import type {Store} from '../../store/store.js'
import {findCase} from '../cases/find.js'
import {evaluate} from './check.js'

export class FourEyesError extends ConflictError {
  override name = 'FourEyesError'
}

/**
 * Approves the case's draft. The approver may never be whoever wrote the current text (four eyes:
 * an approval by the author proves nothing), and a unit whose policy blocks on check findings
 * cannot approve a draft that has them.
 */
export async function approveReply(store: Store, key: string, opts: {actor: string; now: Date}): Promise<BoardReply> {
  const c = await findCase(store, key)
  const reply = await store.replies.open(c.id)
  if (!reply) throw new NotFoundError(`case ${c.id} has no draft reply`)
  if (reply.status !== 'draft') throw new ConflictError(`reply ${reply.id} of case ${c.id} is ${reply.status}, not a draft`)
  if (reply.author === opts.actor) {
    throw new FourEyesError(`${opts.actor} wrote this draft and cannot approve it`, {suggestion: 'another person approves (--as NAME or BOARD_ACTOR)'})
  }
  const check = await evaluate(store, c, reply)
  if (check.blocking) {
    const problems = check.findings.map((f) => `${f.rule}: ${f.reason}`).join('; ')
    throw new ValidationError(`the unit's policy blocks this draft: ${problems}`, {
      suggestion: `board reply check ${c.id}`,
    })
  }
  return store.replies.approve(reply.id, opts)
}
