import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import {confirmBulk} from '../src/cli/confirm.js'
import {stoppedEarly} from '../src/cli/interrupts.js'
import {renderTable} from '../src/cli/render.js'
import {UsageError} from '../src/errors.js'
import {type AssignPlan, type Assigned, applyAssign, type BulkResult, planAssign, planFromRows} from '../src/services/cases/assign.js'
import {selectCaseIds, toId} from '../src/services/cases/selection.js'
import {caseSelectionFlags} from '../src/cli/case-filter-flags.js'
import {readCsvTable} from '../src/services/csv-table.js'

export type AssignResult = (AssignPlan & {dryRun: true}) | (BulkResult<Assigned> & {dryRun: false})

export default class Assign extends BoardCommand<typeof Assign> {
  static override summary = 'Assign (交办) cases to a unit or handler, one or thousands'
  static override description = 'Cases come from ids, --where, --ids - (stdin) or --from-csv. With --strategy, cases are spread over the unit\'s on-duty handlers within capacity. --dry-run prints the plan; applying more than one case without a terminal needs --yes.'
  static override strict = false
  static override examples = [
    {description: 'Assign one case to a handler of a unit', command: '<%= config.bin %> assign 12 --to a-housing/zhang3'},
    {description: "Plan how triaged 城乡建设 cases older than two days would be spread over the unit's handlers; nothing is written", command: '<%= config.bin %> assign --where category=城乡建设,status=triaged,older-than=2d --to a-housing --strategy least-loaded --dry-run'},
    {description: "Assign every triaged case listed, in turn over the unit's handlers, without asking", command: '<%= config.bin %> list --status triaged --json | <%= config.bin %> assign --ids - --to a-housing --strategy round-robin --yes'},
    {description: 'Assign cases as a CSV file maps them (id,unit[,handler])', command: '<%= config.bin %> assign --from-csv mapping.csv --yes'},
  ]
  // ignoreStdin: oclif would otherwise read stdin into a missing argument, and --ids - reads it itself.
  static override args = {ids: Args.string({description: 'case ids', ignoreStdin: true})}
  static override flags = {
    to: Flags.string({description: 'UNIT or UNIT/HANDLER (codes or names)'}),
    ...caseSelectionFlags,
    'from-csv': Flags.string({description: 'CSV mapping id,unit[,handler] per row'}),
    strategy: Flags.string({options: ['round-robin', 'least-loaded'], description: "spread over the unit's on-duty handlers"}),
    'dry-run': Flags.boolean({description: 'print the plan; write nothing'}),
    yes: Flags.boolean({char: 'y', description: 'apply without asking'}),
    force: Flags.boolean({description: 'assign to a named handler who is off duty or at capacity'}),
  }

  async run(): Promise<AssignResult> {
    const f = this.flags
    const store = await this.store()
    let plan: AssignPlan
    if (f['from-csv']) {
      const rows = await readCsvTable(f['from-csv'], {id: ['编号', 'case'], unit: ['单位'], handler: ['办理人']})
      plan = await planFromRows(store, rows.map(({row}) => ({id: toId(row.id), to: row.handler ? `${row.unit}/${row.handler}` : row.unit})))
    } else {
      if (!f.to) throw new UsageError(this.t('assign.noTarget'), this.t('assign.noTargetHint'))
      const ids = await selectCaseIds(store, {ids: this.positional, idsFrom: f.ids, where: f.where, now: this.now()})
      if (ids.length === 0 && !f.where) throw new UsageError(this.t('assign.noCases'), this.t('assign.noCasesHint'))
      plan = await planAssign(store, ids, {to: f.to, strategy: f.strategy as 'round-robin' | 'least-loaded' | undefined})
    }
    const planTable = () =>
      renderTable(plan.items, [
        {header: this.t('col.id'), value: (i) => i.caseId},
        {header: this.t('col.unit'), value: (i) => plan.units[i.unitId]},
        {header: this.t('col.handler'), value: (i) => i.handler},
      ], {tty: this.tty, color: this.color})
    const cannot = [...plan.rejected, ...plan.unplaced.map((u) => ({id: u.caseId, reason: u.reason}))]
    if (f['dry-run']) {
      this.out(planTable())
      for (const r of cannot) this.note(this.t('assign.caseFailed', {id: r.id, reason: r.reason}))
      this.note(this.t('assign.dryRun', {ok: plan.items.length, cannot: cannot.length}))
      return {...plan, dryRun: true}
    }
    if (plan.handlerProblem && !f.force) await this.confirmHandler(plan.handlerProblem, plan.items.length)
    if (plan.items.length > 1 && !f.yes && this.canPrompt()) {
      // The question shows what it would do: the plan, then what cannot be assigned.
      this.note(planTable())
      for (const r of cannot) this.note(this.t('assign.caseFailed', {id: r.id, reason: r.reason}))
    }
    if (plan.items.length > 1 && !(await confirmBulk(this.t('assign.confirm', {n: plan.items.length}), {json: this.json, yes: f.yes}))) {
      this.note(this.t('assign.nothing'))
      return {succeeded: [], failed: [], dryRun: false}
    }
    const r = await applyAssign(store, plan, {actor: await this.actor(), now: this.now(), signal: this.abort.signal})
    for (const x of r.failed) this.note(this.t('assign.caseFailed', {id: x.id, reason: x.reason}))
    if (r.notDone.length > 0) throw stoppedEarly(this.lang, {done: r.succeeded.length, total: plan.items.length, what: 'what.cases'})
    this.note(this.t('assign.summary', {ok: r.succeeded.length, failed: r.failed.length}))
    if (r.failed.length > 0) process.exitCode = 1
    return {succeeded: r.succeeded, failed: r.failed, dryRun: false}
  }

  /** A named handler who is off duty or full: a yes at a terminal, else --force. */
  private async confirmHandler(p: NonNullable<AssignPlan['handlerProblem']>, n: number): Promise<void> {
    const why = p.offDuty ? this.t('assign.offDuty', {handler: p.handler}) : this.t('assign.full', {handler: p.handler, load: p.load, capacity: p.capacity ?? 0, n})
    if (!this.canPrompt()) throw new UsageError(why, this.t('assign.forceHint'))
    const {loadPrompts} = await import('../src/cli/prompts.js')
    const {confirm} = await loadPrompts()
    if (!(await confirm({message: `${why} ${this.t('assign.anyway')}`, default: false}, {output: process.stderr}))) throw new UsageError(why, this.t('assign.forceHint'))
  }
}
