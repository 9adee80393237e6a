import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {parseWhen} from '../../src/cli/parse-when.js'
import {UsageError} from '../../src/errors.js'
import {rateByKey, type RateResult} from '../../src/services/replies/ratings.js'

export type RateCommandResult = RateResult

export default class Rate extends BoardCommand<typeof Rate> {
  static override summary = "Record the citizen's rating (群众点评) of a replied case; unsatisfied reopens it"
  static override examples = [
    {description: 'The citizen is satisfied', command: '<%= config.bin %> rate 42 --satisfied'},
    {description: 'The citizen is not satisfied, with their comment (the case reopens)', command: "<%= config.bin %> rate 42 --unsatisfied --comment '问题没有解决'"},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}
  static override flags = {
    satisfied: Flags.boolean({exclusive: ['unsatisfied'], description: 'the citizen is satisfied'}),
    unsatisfied: Flags.boolean({exclusive: ['satisfied'], description: 'the citizen is not satisfied (reopens the case)'}),
    comment: Flags.string({description: "the citizen's comment"}),
    time: Flags.string({description: 'when the citizen rated (default: now)'}),
  }

  async run(): Promise<RateCommandResult> {
    if (!this.flags.satisfied && !this.flags.unsatisfied) throw new UsageError('no rating given', 'pass --satisfied or --unsatisfied')
    const store = await this.store()
    const now = this.now()
    const ratedAt = this.flags.time ? parseWhen(this.flags.time, this.tz, '--time') : now.toISOString()
    const r = await rateByKey(store, this.args.id, {satisfied: this.flags.satisfied, comment: this.flags.comment ?? null, ratedAt}, {actor: await this.actor(), now})
    this.note(this.t(!r.recorded ? 'rate.duplicate' : r.reopened ? 'rate.reopened' : 'rate.recorded', {id: r.caseId}))
    return r
  }
}
