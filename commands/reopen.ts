import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import type {Case} from '../src/domain/case.js'
import {reopenCase} from '../src/services/cases/lifecycle.js'

export type ReopenResult = Case

export default class Reopen extends BoardCommand<typeof Reopen> {
  static override summary = 'Reopen a replied or closed case, with a reason'
  static override examples = [
    {description: 'Reopen a case, with the reason', command: "<%= config.bin %> reopen 42 --reason '群众反映问题仍未解决'"},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}
  static override flags = {reason: Flags.string({required: true, description: 'why the case is reopened (kept in the history)'})}

  async run(): Promise<ReopenResult> {
    const store = await this.store()
    const c = await reopenCase(store, this.args.id, {actor: await this.actor(), now: this.now(), reason: this.flags.reason})
    this.note(this.t('case.reopened', {id: c.id}))
    return c
  }
}
