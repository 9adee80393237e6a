import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import type {Case} from '../src/domain/case.js'
import {toId} from '../src/services/cases/selection.js'
import {transferCase} from '../src/services/cases/escalation.js'

export type TransferResult = Case

export default class Transfer extends BoardCommand<typeof Transfer> {
  static override summary = 'Transfer (转办) a case to another unit, with a reason'
  static override examples = [
    {description: 'Move a case to the unit whose duty it is, with the reason', command: '<%= config.bin %> transfer 42 --to a-water --reason "供水问题，属水务局职责"'},
  ]
  static override args = {id: Args.string({required: true, description: 'case id'})}
  static override flags = {
    to: Flags.string({required: true, description: 'unit code or name'}),
    reason: Flags.string({required: true, description: 'why it moves (kept in the audit log)'}),
  }

  async run(): Promise<TransferResult> {
    const c = await transferCase(await this.store(), toId(this.args.id), {to: this.flags.to, reason: this.flags.reason, actor: await this.actor(), now: this.now()})
    this.note(`case ${c.id} transferred to ${c.unit}`)
    return c
  }
}
