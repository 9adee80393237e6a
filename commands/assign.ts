import {Args, Flags} from '@oclif/core'

import {BoardCommand} from '../src/cli/base-command.js'
import {confirmBulk} from '../src/cli/confirm.js'
import {readInput} from '../src/services/read-input.js'
import {renderTable} from '../src/cli/render.js'
import {UsageError} from '../src/errors.js'
import {type AssignPlan, type Assigned, applyAssign, type BulkResult, planAssign, planFromRows} from '../src/services/assign-service.js'
import {parseIds, parseWhere, selectWhere, toId} from '../src/services/case-selection.js'
import {readCsvTable} from '../src/services/csv-table.js'

export type AssignResult = (AssignPlan & {dryRun: true}) | (BulkResult<Assigned> & {dryRun: false})

export default class Assign extends BoardCommand<typeof Assign> {
  static override summary = 'Assign (交办) cases to a unit or handler, one or thousands'
  static override description = 'Cases come from ids, --where, --ids - (stdin) or --from-csv. With --strategy, cases are spread over the unit\'s on-duty handlers within capacity. --dry-run prints the plan; applying more than one case without a terminal needs --yes.'
  static override strict = false
  static override examples = [
    '<%= config.bin %> assign 12 --to a-housing/zhang3',
    '<%= config.bin %> assign --where category=城乡建设,status=triaged,older-than=2d --to a-housing --strategy least-loaded --dry-run',
    '<%= config.bin %> list --status triaged --json | <%= config.bin %> assign --ids - --to a-housing --strategy round-robin --yes',
    '<%= config.bin %> assign --from-csv mapping.csv --yes',
  ]
  // ignoreStdin: oclif would otherwise read stdin into a missing argument, and --ids - reads it itself.
  static override args = {ids: Args.string({description: 'case ids', ignoreStdin: true})}
  static override flags = {
    to: Flags.string({description: 'UNIT or UNIT/HANDLER (codes or names)'}),
    where: Flags.string({description: 'select by category=…,region=…,status=…,unit=…,older-than=3d'}),
    ids: Flags.string({description: 'read ids from a file, or - for stdin (one per line, or the JSON of board list --json)'}),
    'from-csv': Flags.string({description: 'CSV mapping id,unit[,handler] per row'}),
    strategy: Flags.string({options: ['round-robin', 'least-loaded'], description: "spread over the unit's on-duty handlers"}),
    'dry-run': Flags.boolean({description: 'print the plan; write nothing'}),
    yes: Flags.boolean({char: 'y', description: 'apply without asking'}),
  }

  async run(): Promise<AssignResult> {
    const f = this.flags
    const store = await this.store()
    let plan: AssignPlan
    if (f['from-csv']) {
      const rows = await readCsvTable(f['from-csv'], {id: ['编号', 'case'], unit: ['单位'], handler: ['办理人']})
      plan = await planFromRows(store, rows.map(({row}) => ({id: toId(row.id), to: row.handler ? `${row.unit}/${row.handler}` : row.unit})))
    } else {
      if (!f.to) throw new UsageError('say where the cases go', 'pass --to UNIT[/HANDLER], or --from-csv FILE')
      const ids = [...this.positional.map(toId)]
      if (f.ids) ids.push(...parseIds(await readInput(f.ids)))
      if (f.where) ids.push(...(await selectWhere(store, parseWhere(f.where, this.now()))).map((c) => c.id))
      if (ids.length === 0 && !f.where) throw new UsageError('no cases given', 'pass ids, --where, --ids - or --from-csv')
      plan = await planAssign(store, [...new Set(ids)], {to: f.to, strategy: f.strategy as 'round-robin' | 'least-loaded' | undefined})
    }
    if (f['dry-run']) {
      this.out(renderTable(plan.items, [
        {header: 'Case', value: (i) => i.caseId},
        {header: 'Unit', value: (i) => plan.units[i.unitId]},
        {header: 'Handler', value: (i) => i.handler},
      ], {tty: this.tty, color: this.color}))
      for (const r of [...plan.rejected, ...plan.unplaced.map((u) => ({id: u.caseId, reason: u.reason}))]) this.note(`case ${r.id}: ${r.reason}`)
      this.note(`dry run: would assign ${plan.items.length}, cannot assign ${plan.rejected.length + plan.unplaced.length}; nothing written`)
      return {...plan, dryRun: true}
    }
    if (plan.items.length > 1 && !(await confirmBulk(`assign ${plan.items.length} cases`, {json: this.json, yes: f.yes}))) {
      this.note('nothing assigned')
      return {succeeded: [], failed: [], dryRun: false}
    }
    const r = await applyAssign(store, plan, {actor: await this.actor(), now: this.now(), signal: this.abort.signal})
    for (const x of r.failed) this.note(`case ${x.id}: ${x.reason}`)
    this.note(`assigned ${r.succeeded.length}, failed ${r.failed.length}`)
    if (r.failed.length > 0) process.exitCode = 1
    return {...r, dryRun: false}
  }
}
