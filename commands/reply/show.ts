import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {renderReplyDetail} from '../../src/cli/reply-views.js'
import {type ReplyDetail, showReply} from '../../src/services/replies/show.js'

export type ReplyShowResult = ReplyDetail

export default class ReplyShow extends BoardCommand<typeof ReplyShow> {
  static override readOnly = true
  static override summary = "Show a case's current draft with its versions, send attempts and earlier replies"
  static override examples = [
    {description: "A case's draft with its versions", command: '<%= config.bin %> reply show 42'},
    {description: 'The same, as JSON', command: '<%= config.bin %> reply show 42 --json'},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}

  async run(): Promise<ReplyShowResult> {
    const detail = await showReply(await this.store(), this.args.id)
    this.out(renderReplyDetail(detail, {tz: this.tz, tty: this.tty, color: this.color, lang: this.lang}))
    return detail
  }
}
