import * as Flags from '@oclif/core/flags'
import {stringify} from 'csv-stringify/sync'

import {BoardCommand} from '../src/cli/base-command.js'
import {stoppedEarly} from '../src/cli/interrupts.js'
import {parseWhen} from '../src/cli/parse-when.js'
import {type Column, renderTable} from '../src/cli/render.js'
import {formatTime} from '../src/cli/time-format.js'
import {formatSpan, type OverdueItem, parseSpan} from '../src/domain/sla/overdue.js'
import {neutraliseFormula, oneLine} from '../src/domain/sanitize.js'
import {w3cTime} from '../src/export/case-export.js'
import {ExitCode, UsageError} from '../src/errors.js'
import {listOverdue, type OverdueResult} from '../src/services/sla/overdue.js'
import {type NotifyResult, runNotify} from '../src/services/sla/notify/run.js'

export type OverdueOutput = OverdueResult | NotifyResult

export default class Overdue extends BoardCommand<typeof Overdue> {
  static override summary = 'List cases past (or close to) their respond/resolve deadline; --notify sends reminders'
  static override description = `Sorted by how late, grouped by unit. --fail-if-any exits 3 when anything is listed (monitoring).
--notify (from cron) records each due reminder in the outbox before sending it and sends each once; failed sends are retried by later runs with backoff; exit 1 when a send failed.`
  static override examples = [
    {description: 'Cases past a deadline now, by unit', command: '<%= config.bin %> overdue'},
    {description: "One unit's cases due within a day", command: '<%= config.bin %> overdue --within 1d --unit 市住建局'},
    {description: 'As of a given time; exit 3 if any case is listed', command: '<%= config.bin %> overdue --at "2024-05-06 09:00" --fail-if-any'},
    {description: 'The list as CSV', command: '<%= config.bin %> overdue --csv > overdue.csv'},
    {description: 'From cron every 15 minutes: send the reminders due', command: '*/15 * * * * <%= config.bin %> overdue --notify'},
  ]
  static override flags = {
    at: Flags.string({description: 'evaluate as of this time (in the configured zone) instead of now'}),
    within: Flags.string({description: 'also list deadlines due within this span, e.g. 2h or 1d'}),
    unit: Flags.string({description: 'only this unit (code or name); with --notify, only its reminders are recorded and sent'}),
    csv: Flags.boolean({description: 'CSV on stdout', exclusive: ['notify']}),
    'fail-if-any': Flags.boolean({description: 'exit 3 when any case is listed'}),
    notify: Flags.boolean({description: 'send due reminders through the units\' channels (setting notify.channels)'}),
    'dry-run': Flags.boolean({description: 'with --notify: show what would be sent', dependsOn: ['notify']}),
  }

  protected override get readsOnly(): boolean {
    return !this.flags.notify
  }

  async run(): Promise<OverdueOutput> {
    const f = this.flags
    const at = f.at ? new Date(parseWhen(f.at, this.tz, '--at')) : this.now()
    const store = await this.store()
    if (f.notify) {
      // --notify sends what is due now, through every filter it is given, or refuses the filter.
      for (const flag of ['within', 'fail-if-any'] as const) if (f[flag]) throw new UsageError(`--${flag} does not apply to --notify`, 'reminders are sent for what is due as of --at; filter with --unit')
      return this.notify(at)
    }
    const withinMs = f.within === undefined ? 0 : parseSpan(f.within)
    if (withinMs === undefined) throw new UsageError(`--within: "${f.within}" is not a span`, 'use e.g. 30m, 2h or 1d')
    const r = await listOverdue(store, {at, withinMs, unit: f.unit})
    for (const w of r.warnings) this.note(`warning: ${w}`)
    const rows = r.groups.flatMap((g) => g.items)
    if (f.csv) {
      const cell = (v: string | number | null) => neutraliseFormula(String(v ?? ''))
      // As export writes CSV: a BOM so spreadsheets read UTF-8, times in the store's zone with its offset.
      this.out('\uFEFF' + stringify([
        ['case', 'title', 'unit', 'handler', 'stage', 'deadline', 'late_minutes'],
        ...rows.map((i) => [i.caseId, cell(i.title), cell(i.unit), cell(i.handler), i.stage, w3cTime(i.dueAt, this.tz), Math.round(i.lateMs / 60_000)]),
      ]))
    } else if (!this.json) {
      if (rows.length === 0) this.note(this.t('overdue.none'))
      const columns: Column<OverdueItem>[] = [
        {header: this.t('col.id'), value: (i) => i.caseId},
        {header: this.t('col.title'), value: (i) => i.title, max: 40},
        {header: this.t('col.unit'), value: (i) => i.unit},
        {header: this.t('col.handler'), value: (i) => i.handler},
        {header: this.t('col.stage'), value: (i) => this.t(`sla.${i.stage}`)},
        {header: this.t('col.deadline'), value: (i) => formatTime(i.dueAt, this.tz)},
        {header: this.t('col.lateBy'), value: (i) => (i.lateMs >= 0 ? formatSpan(i.lateMs) : this.t('sla.dueIn', {span: formatSpan(-i.lateMs)}))},
      ]
      // A table per unit for people; one table (unit column, same order) for pipes.
      if (this.tty) for (const g of r.groups) this.out(`\n${oneLine(g.unit ?? this.t('overdue.noUnit'))}: ${g.items.length}\n` + renderTable(g.items, columns, {tty: true, color: this.color}))
      else if (rows.length > 0) this.out(renderTable(rows, columns, {tty: false, color: false}))
    }
    if (f['fail-if-any'] && r.count > 0) process.exitCode = ExitCode.conditionMet
    return r
  }

  private async notify(at: Date): Promise<NotifyResult> {
    const r = await runNotify(await this.store(), {now: at, dryRun: this.flags['dry-run'], unit: this.flags.unit, signal: this.abort.signal})
    if (r.dryRun) {
      this.out(renderTable(r.plan, [
        {header: this.t('head.case'), value: (x) => x.caseId},
        {header: this.t('head.stage'), value: (x) => x.stage},
        {header: this.t('head.step'), value: (x) => x.step},
        {header: this.t('head.channel'), value: (x) => x.channel},
      ], {tty: this.tty, color: this.color}))
      this.note(`dry run: ${r.plan.length} reminder(s) due; nothing recorded or sent`)
    } else {
      this.note(`recorded ${r.planned} new reminder(s); sent ${r.sent.length}; failed ${r.failed.length}`)
    }
    if (r.dropped.length > 0) this.note(`not sent, no longer due: ${r.dropped.length} (${[...new Set(r.dropped.map((d) => d.reason))].join('; ')})`)
    for (const x of r.failed) this.note(`case ${x.caseId} ${x.stage}/${x.step} via ${x.channel}: ${x.error} (attempt ${x.attempts}; retry after ${formatTime(x.retryAt, this.tz)})`)
    if (r.noChannel.length > 0) this.note(`no channel configured for ${r.noChannel.length} due reminder(s) (units: ${[...new Set(r.noChannel.map((n) => n.unit ?? '(none)'))].join(', ')}); see notify.channels`)
    if (r.interrupted) {
      const done = r.sent.length + r.failed.length + r.dropped.length
      throw stoppedEarly(this.lang, {done, total: done + r.notDone, what: 'what.reminders'})
    }
    if (r.failed.length > 0) {
      this.note(`${r.failed.length} reminder(s) failed to send; later runs retry them`)
      process.exitCode = ExitCode.failure
    }
    return r
  }
}
