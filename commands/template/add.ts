import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {textFromFlags} from '../../src/cli/read-text.js'
import {TEMPLATE_VARIABLES} from '../../src/domain/template.js'
import {UsageError} from '../../src/errors.js'
import type {ReplyTemplate} from '../../src/store/replies.js'
import {addTemplate} from '../../src/services/replies/templates.js'

export type TemplateAddResult = ReplyTemplate

export default class TemplateAdd extends BoardCommand<typeof TemplateAdd> {
  static override summary = 'Add a reply template'
  static override description = `Variables: ${Object.entries(TEMPLATE_VARIABLES)
    .map(([k, v]) => `{{${k}}} ${v}`)
    .join('; ')}. Times take a filter: {{postedAt | date}} or {{postedAt | datetime}}. An unknown variable is an error here, not when a reply is sent.`
  static override examples = [
    {description: 'A template with variables', command: `<%= config.bin %> template add ack --body '{{citizen}}您好！您于{{postedAt | date}}反映的"{{case.title}}"已收悉，{{unit}}正在办理。'`},
    {description: "A unit's own template, from a file", command: '<%= config.bin %> template add water-done --body-file done.txt --unit city.water'},
  ]
  static override args = {name: Args.string({description: 'template name', required: true})}
  static override flags = {
    body: Flags.string({description: 'template text'}),
    'body-file': Flags.string({description: 'file with the template text (- for stdin)'}),
    unit: Flags.string({description: 'only for cases of this unit (code or name) and units below it'}),
  }

  async run(): Promise<TemplateAddResult> {
    const body = textFromFlags(this.flags.body, this.flags['body-file'])
    if (body === undefined) throw new UsageError('no template text', 'pass --body TEXT or --body-file FILE')
    const store = await this.store()
    const t = await addTemplate(store, {name: this.args.name, body, unit: this.flags.unit}, {actor: await this.actor(), now: this.now()})
    this.note(this.t('template.added', {name: t.name}))
    return t
  }
}
