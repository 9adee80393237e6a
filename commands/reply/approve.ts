import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import type {BoardReply} from '../../src/store/replies.js'
import {approveReply} from '../../src/services/replies/approve.js'

export type ReplyApproveResult = BoardReply

export default class ReplyApprove extends BoardCommand<typeof ReplyApprove> {
  static override summary = "Approve a case's draft reply (the approver must not be its author)"
  static override examples = [
    {description: 'Approve the draft as the leader who read it', command: '<%= config.bin %> reply approve 42 --as leader.li'},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}

  async run(): Promise<ReplyApproveResult> {
    const store = await this.store()
    const r = await approveReply(store, this.args.id, {actor: await this.actor(), now: this.now()})
    this.note(this.t('reply.approved', {id: r.caseId, reply: r.id, actor: r.approvedBy ?? ''}))
    return r
  }
}
