import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {confirmBulk} from '../../src/cli/confirm.js'
import {BoardError, NotFoundError} from '../../src/errors.js'
import {removeTemplate} from '../../src/services/replies/templates.js'

export interface TemplateRemoveResult {
  name: string
  removed: boolean
}

export default class TemplateRemove extends BoardCommand<typeof TemplateRemove> {
  static override summary = 'Remove a reply template (drafts made from it keep their text)'
  static override examples = [
    {description: 'Remove a template, without asking', command: '<%= config.bin %> template remove ack --yes'},
  ]
  static override args = {name: Args.string({description: 'template name', required: true})}
  static override flags = {yes: Flags.boolean({char: 'y', description: 'do not ask for confirmation'})}

  async run(): Promise<TemplateRemoveResult> {
    if (!(await confirmBulk(`remove template ${this.args.name}`, {json: this.json, yes: this.flags.yes}))) throw new BoardError('not confirmed; nothing was removed')
    const r = await removeTemplate(await this.store(), this.args.name, {actor: await this.actor(), now: this.now()})
    if (!r.removed) throw new NotFoundError(`no template ${this.args.name}`)
    this.note(this.t('template.removed', {name: r.name}))
    return r
  }
}
