import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {renderFindings} from '../../src/cli/reply-views.js'
import {ExitCode} from '../../src/errors.js'
import {checkCaseReply, type ReplyCheckResult} from '../../src/services/replies/check.js'

export type ReplyCheckCommandResult = ReplyCheckResult

export default class ReplyCheck extends BoardCommand<typeof ReplyCheck> {
  static override summary = "Check a case's draft reply: length, on topic, concrete action or time, contact, others' personal data"
  static override description = "Findings are warnings unless the unit's reply.policy says check: block; then approve and send refuse the draft."
  static override examples = [
    {description: "Check a case's draft", command: '<%= config.bin %> reply check 42'},
    {description: 'In a script: exit 3 on any finding, as JSON', command: '<%= config.bin %> reply check 42 --fail-if-any --json'},
  ]
  static override args = {id: Args.string({description: 'case id, or SOURCE/REF', required: true})}
  static override flags = {'fail-if-any': Flags.boolean({description: 'exit 3 when there is any finding'})}

  async run(): Promise<ReplyCheckCommandResult> {
    const r = await checkCaseReply(await this.store(), this.args.id)
    this.out(renderFindings(r.caseId, r.findings, r.blocking, this.lang))
    if (this.flags['fail-if-any'] && r.findings.length > 0) process.exitCode = ExitCode.conditionMet
    return r
  }
}
