import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {type HandlerRow, listHandlers} from '../../src/services/cases/directory.js'

export type HandlerListResult = HandlerRow[]

export default class HandlerList extends BoardCommand<typeof HandlerList> {
  static override readOnly = true
  static override summary = 'List handlers with their open load'
  static override examples = [
    {description: "One unit's handlers, with their open load", command: '<%= config.bin %> handler list --unit a-housing'},
  ]
  static override flags = {unit: Flags.string({description: 'only this unit (code or name)'})}

  async run(): Promise<HandlerListResult> {
    const rows = await listHandlers(await this.store(), this.flags.unit)
    if (rows.length === 0) this.note('no handlers')
    else
      this.out(
        renderTable(rows, [
          {header: this.t('col.code'), value: (h) => h.code},
          {header: this.t('col.name'), value: (h) => h.name},
          {header: this.t('col.unit'), value: (h) => h.unit},
          {header: this.t('col.onDuty'), value: (h) => (h.onDuty ? this.t('word.yes') : this.t('word.no'))},
          {header: this.t('col.open'), value: (h) => h.load},
          {header: this.t('col.capacity'), value: (h) => h.capacity ?? '-'},
        ], {tty: this.tty, color: this.color}),
      )
    return rows
  }
}
