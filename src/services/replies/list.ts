import type {BoardReply} from '../../store/replies.js'
import type {Store} from '../../store/store.js'
import {NotFoundError} from '../../errors.js'

export type ReplyListItem = BoardReply & {title: string; unit: string | null}

/** Replies waiting for someone: drafts to approve, approved ones to send, failed ones to retry. */
export async function listReplies(
  store: Store,
  filter: {status: BoardReply['status'][]; unit?: string; limit?: number},
): Promise<ReplyListItem[]> {
  let unitIds: number[] | undefined
  if (filter.unit) {
    const unit = await store.units.find(filter.unit)
    if (!unit) throw new NotFoundError(`no unit ${filter.unit}`)
    unitIds = (await store.units.subtree(unit.id)).map((u) => u.id)
  }
  return store.replies.list({status: filter.status, unitIds, limit: filter.limit})
}
