import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import {confirmBulk} from '../src/cli/confirm.js'
import {renderTable} from '../src/cli/render.js'
import {formatTime} from '../src/cli/time-format.js'
import {URGENCY_FLAGS} from '../src/domain/triage-keywords.js'
import {UsageError} from '../src/errors.js'
import {selectCaseIds} from '../src/services/cases/selection.js'
import {caseSelectionFlags} from '../src/cli/case-filter-flags.js'
import {type FlagChange, type FlagResult, setCaseFlags} from '../src/services/cases/flags.js'

export type FlagCommandResult = FlagResult

export default class Flag extends BoardCommand<typeof Flag> {
  static override summary = 'Set or clear urgency flags (urgent 紧急, collective 群体性, utility 水电气热, safety 安全) on cases'
  static override description = 'Each change is an audit event ("flag") and the case\'s deadlines are recomputed at once, since flags choose the SLA rule. Cases come from ids, --where or --ids - (stdin). Changing more than one case without a terminal needs --yes.'
  static override strict = false
  static override examples = [
    {description: 'Mark a case urgent and collective, with the reason', command: '<%= config.bin %> flag 42 --urgent --collective --reason "围墙倒塌，几十户受影响"'},
    {description: 'Clear its urgent flag', command: '<%= config.bin %> flag 42 --no-urgent'},
    {description: 'Mark every triaged case as about water, power, gas or heating', command: '<%= config.bin %> list --status triaged --json | <%= config.bin %> flag --ids - --utility --yes --json'},
  ]
  static override args = {ids: Args.string({description: 'case ids', ignoreStdin: true})}
  static override flags = {
    urgent: Flags.boolean({allowNo: true, description: 'urgent (紧急); --no-urgent clears it'}),
    collective: Flags.boolean({allowNo: true, description: 'collective (群体性); --no-collective clears it'}),
    utility: Flags.boolean({allowNo: true, description: 'water, power, gas, heating (水电气热)'}),
    safety: Flags.boolean({allowNo: true, description: 'safety (安全)'}),
    reason: Flags.string({description: 'why, kept in the audit event'}),
    ...caseSelectionFlags,
    'dry-run': Flags.boolean({description: 'show what would change; write nothing'}),
    yes: Flags.boolean({char: 'y', description: 'apply without asking'}),
  }

  async run(): Promise<FlagCommandResult> {
    const f = this.flags
    const change: FlagChange = {}
    for (const name of URGENCY_FLAGS) if (f[name] !== undefined) change[name] = f[name]
    if (Object.keys(change).length === 0) throw new UsageError('no flag to set or clear', 'pass e.g. --urgent, --collective, --no-urgent')
    const store = await this.store()
    const unique = await selectCaseIds(store, {ids: this.positional, idsFrom: f.ids, where: f.where, now: this.now()})
    if (unique.length === 0) throw new UsageError('no cases given', 'pass ids, --where or --ids -')
    if (!f['dry-run'] && unique.length > 1 && !(await confirmBulk(`change flags of ${unique.length} cases`, {json: this.json, yes: f.yes}))) {
      this.note('nothing changed')
      return {dryRun: false, succeeded: [], failed: []}
    }
    const r = await setCaseFlags(store, unique, change, {actor: await this.actor(), now: this.now(), reason: f.reason, dryRun: f['dry-run'], signal: this.abort.signal})
    if (r.succeeded.length > 0) {
      this.out(renderTable(r.succeeded, [
        {header: this.t('col.id'), value: (x) => x.id},
        {header: this.t('tri.urgency'), value: (x) => URGENCY_FLAGS.filter((k) => x.flags[k]).map((k) => this.t(`tri.flag.${k}`)).join(', ')},
        {header: this.t('sla.respond'), value: (x) => formatTime(x.respondDueAt, this.tz)},
        {header: this.t('sla.resolve'), value: (x) => formatTime(x.resolveDueAt, this.tz)},
      ], {tty: this.tty, color: this.color}))
    }
    for (const x of r.failed) this.note(`case ${x.id}: ${x.reason}`)
    const changed = r.succeeded.filter((x) => x.changed).length
    this.note(this.t(r.dryRun ? 'flag.summaryDry' : 'flag.summary', {changed, unchanged: r.succeeded.length - changed, failed: r.failed.length}))
    if (r.failed.length > 0) process.exitCode = 1
    this.throwIfAborted()
    return r
  }
}
