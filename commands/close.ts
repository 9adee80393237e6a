import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import type {Case} from '../src/domain/case.js'
import {closeCase} from '../src/services/cases/lifecycle.js'

export type CloseResult = Case

export default class Close extends BoardCommand<typeof Close> {
  static override summary = 'Close (办结) a case: records resolvedAt'
  static override examples = [
    {description: 'Close a case', command: '<%= config.bin %> close 42'},
    {description: 'Close it with a note', command: "<%= config.bin %> close 42 --note '已现场修复'"},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}
  static override flags = {note: Flags.string({description: 'a note for the history'})}

  async run(): Promise<CloseResult> {
    const store = await this.store()
    const c = await closeCase(store, this.args.id, {actor: await this.actor(), now: this.now(), note: this.flags.note})
    this.note(this.t('case.closed', {id: c.id}))
    return c
  }
}
