import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {importHandlers, type ImportResult} from '../../src/services/cases/directory.js'
import type {Handler} from '../../src/store/units.js'

export type HandlerImportResult = ImportResult<Handler>

export default class HandlerImport extends BoardCommand<typeof HandlerImport> {
  static override summary = 'Import handlers from CSV (code,name,unit,email,on_duty,capacity)'
  static override examples = [
    {description: 'Add or update the handlers of a CSV file', command: '<%= config.bin %> handler import handlers.csv'},
  ]
  static override args = {file: Args.string({required: true, description: 'CSV file, or - for stdin'})}

  async run(): Promise<HandlerImportResult> {
    const r = await importHandlers(await this.store(), this.args.file, {actor: await this.actor(), now: this.now()})
    for (const f of r.failed) this.note(`${this.args.file}:${f.line}: ${f.reason}`)
    this.note(`handlers: ${r.succeeded.length} saved, ${r.failed.length} failed`)
    if (r.failed.length > 0) process.exitCode = 1
    return r
  }
}
