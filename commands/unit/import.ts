import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {importUnits, type ImportResult} from '../../src/services/cases/directory.js'
import type {Unit} from '../../src/store/units.js'

export type UnitImportResult = ImportResult<Unit>

export default class UnitImport extends BoardCommand<typeof UnitImport> {
  static override summary = 'Import units from CSV (code,name,parent,kind,supervisor)'
  static override description = 'Rows are upserted by code; a parent may appear after its children. Chinese headers (编码,名称,上级,类型) work too.'
  static override examples = [
    {description: 'Add or update the units of a CSV file', command: '<%= config.bin %> unit import units.csv'},
  ]
  static override args = {file: Args.string({required: true, description: 'CSV file, or - for stdin'})}

  async run(): Promise<UnitImportResult> {
    const r = await importUnits(await this.store(), this.args.file, {actor: await this.actor(), now: this.now()})
    for (const f of r.failed) this.note(`${this.args.file}:${f.line}: ${f.reason}`)
    this.note(`units: ${r.succeeded.length} saved, ${r.failed.length} failed`)
    if (r.failed.length > 0) process.exitCode = 1
    return r
  }
}
