import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {listUnits, type UnitRow} from '../../src/services/cases/directory.js'

export type UnitListResult = UnitRow[]

export default class UnitList extends BoardCommand<typeof UnitList> {
  static override readOnly = true
  static override summary = 'List units as a hierarchy'
  static override examples = [
    {description: 'Every unit, as a tree', command: '<%= config.bin %> unit list'},
    {description: 'The same, as JSON', command: '<%= config.bin %> unit list --json'},
  ]

  async run(): Promise<UnitListResult> {
    const rows = await listUnits(await this.store())
    if (rows.length === 0) this.note('no units; add some with board unit add or board unit import')
    else
      this.out(
        renderTable(rows, [
          {header: this.t('col.code'), value: (u) => u.code},
          {header: this.t('col.path'), value: (u) => u.path, max: 60},
          {header: this.t('col.kind'), value: (u) => u.kind},
          {header: this.t('col.supervisor'), value: (u) => u.supervisor},
        ], {tty: this.tty, color: this.color}),
      )
    return rows
  }
}
