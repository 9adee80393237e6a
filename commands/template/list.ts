import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {formatTime} from '../../src/cli/time-format.js'
import type {ReplyTemplate} from '../../src/store/replies.js'

export type TemplateListResult = ReplyTemplate[]

export default class TemplateList extends BoardCommand<typeof TemplateList> {
  static override readOnly = true
  static override summary = 'List reply templates'
  static override examples = [
    {description: 'Every template', command: '<%= config.bin %> template list'},
    {description: 'The same, as JSON', command: '<%= config.bin %> template list --json'},
  ]

  async run(): Promise<TemplateListResult> {
    const templates = await (await this.store()).templates.list()
    if (templates.length === 0) this.note(this.t('template.none'))
    else
      this.out(
        renderTable(
          templates,
          [
            {header: this.t('col.name'), value: (t) => t.name},
            {header: this.t('col.unit'), value: (t) => t.unit ?? ''},
            {header: this.t('col.text'), value: (t) => t.body, max: 50},
            {header: this.t('col.added'), value: (t) => `${formatTime(t.createdAt, this.tz)} ${t.createdBy}`},
          ],
          {tty: this.tty, color: this.color},
        ),
      )
    return templates
  }
}
