import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import type {Case} from '../src/domain/case.js'
import {toId} from '../src/services/cases/selection.js'
import {superviseCase} from '../src/services/cases/escalation.js'

export type SuperviseResult = Case

export default class Supervise extends BoardCommand<typeof Supervise> {
  static override summary = 'Supervise (督办) a case: flag it for follow-up and raise its priority'
  static override examples = [
    {description: 'Supervise a case with an instruction', command: '<%= config.bin %> supervise 42 --note "请三日内答复"'},
  ]
  static override args = {id: Args.string({required: true, description: 'case id'})}
  static override flags = {note: Flags.string({required: true, description: 'the instruction (kept in the audit log)'})}

  async run(): Promise<SuperviseResult> {
    const c = await superviseCase(await this.store(), toId(this.args.id), {note: this.flags.note, actor: await this.actor(), now: this.now()})
    this.note(`case ${c.id} supervised, priority ${c.priority}`)
    return c
  }
}
