import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {formatTime} from '../../src/cli/time-format.js'
import type {BoardReply} from '../../src/store/replies.js'
import {listReplies, type ReplyListItem} from '../../src/services/replies/list.js'

export type ReplyListResult = ReplyListItem[]

export default class ReplyList extends BoardCommand<typeof ReplyList> {
  static override readOnly = true
  static override summary = 'List replies waiting for someone: drafts to approve, approved to send, failed to retry'
  static override examples = [
    {description: 'Replies waiting for someone', command: '<%= config.bin %> reply list'},
    {description: "One unit's drafts, as JSON", command: '<%= config.bin %> reply list --status draft --unit city.water --json'},
  ]
  static override flags = {
    status: Flags.string({options: ['draft', 'approved', 'failed', 'sent'], multiple: true, description: 'only these (default: draft, approved, failed)'}),
    unit: Flags.string({description: "only cases of this unit (code or name) and the units below it"}),
    limit: Flags.integer({default: 50, min: 0, description: 'at most this many (0: all)'}),
  }

  async run(): Promise<ReplyListResult> {
    const status = (this.flags.status ?? ['draft', 'approved', 'failed']) as BoardReply['status'][]
    const items = await listReplies(await this.store(), {status, unit: this.flags.unit, limit: this.flags.limit || undefined})
    if (items.length === 0) this.note(this.t('reply.none'))
    else
      this.out(
        renderTable(
          items,
          [
            {header: this.t('col.id'), value: (r) => r.caseId},
            {header: this.t('col.title'), value: (r) => r.title, max: 30},
            {header: this.t('col.unit'), value: (r) => r.unit},
            {header: this.t('col.status'), value: (r) => r.status},
            {header: this.t('col.author'), value: (r) => r.author},
            {header: this.t('col.approvedBy'), value: (r) => r.approvedBy},
            {header: this.t('col.time'), value: (r) => formatTime(r.createdAt, this.tz)},
          ],
          {tty: this.tty, color: this.color},
        ),
      )
    return items
  }
}
