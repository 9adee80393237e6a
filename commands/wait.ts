import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import {formatTime} from '../src/cli/time-format.js'
import {setWaiting, type WaitResult} from '../src/services/sla/wait.js'

export type WaitOutput = WaitResult

export default class Wait extends BoardCommand<typeof Wait> {
  static override summary = 'Put a case on waiting for the citizen (the SLA clock stops), or --resume it'
  static override examples = [
    {description: "Wait for the citizen's answer (the SLA clock stops)", command: '<%= config.bin %> wait 42 --reason "asked for the address"'},
    {description: 'Go on once the citizen has answered', command: '<%= config.bin %> wait 42 --resume'},
  ]
  static override args = {id: Args.string({required: true, description: 'case id, or SOURCE/REF'})}
  static override flags = {
    resume: Flags.boolean({description: 'end the wait: back to the previous status; deadlines move by the time waited'}),
    reason: Flags.string({description: 'why (kept in the audit log)'}),
  }

  async run(): Promise<WaitOutput> {
    const r = await setWaiting(await this.store(), this.args.id, !this.flags.resume, {actor: await this.actor(), now: this.now(), reason: this.flags.reason})
    this.note(`case ${r.id}: ${r.status}; resolve by ${formatTime(r.resolveDueAt, this.tz) || '-'}`)
    return r
  }
}
