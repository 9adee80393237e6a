import * as Args from '@oclif/core/args'

import {BoardCommand} from '../src/cli/base-command.js'
import {renderCaseDetail} from '../src/cli/case-views.js'
import {type CaseDetail, showCase} from '../src/services/cases/show.js'

export type ShowResult = CaseDetail

export default class Show extends BoardCommand<typeof Show> {
  static override summary = 'Show a case with its replies and full history'
  static override readOnly = true
  static override examples = [
    {description: 'A case by its number', command: '<%= config.bin %> show 42'},
    {description: 'A case by its source and ref, as JSON', command: '<%= config.bin %> show sample/2555 --json'},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}

  async run(): Promise<ShowResult> {
    const detail = await showCase(await this.store(), this.args.id)
    this.out(renderCaseDetail(detail.case, detail.replies, detail.events, {mergedFrom: detail.mergedFrom, lang: this.lang, tz: this.tz, tty: this.tty, color: this.color}))
    return detail
  }
}
