import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {stripControls} from '../../src/domain/sanitize.js'
import type {ReplyTemplate} from '../../src/store/replies.js'
import {getTemplate} from '../../src/services/replies/templates.js'

export type TemplateShowResult = ReplyTemplate

export default class TemplateShow extends BoardCommand<typeof TemplateShow> {
  static override readOnly = true
  static override summary = 'Show a reply template'
  static override examples = [
    {description: 'One template with its text', command: '<%= config.bin %> template show ack'},
  ]
  static override args = {name: Args.string({description: 'template name', required: true})}

  async run(): Promise<TemplateShowResult> {
    const t = await getTemplate(await this.store(), this.args.name)
    this.note(`${t.name}${t.unit ? ` (unit ${t.unit})` : ''}, added by ${t.createdBy}`)
    this.out(stripControls(t.body))
    return t
  }
}
