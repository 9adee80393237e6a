import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {stoppedEarly} from '../../src/cli/interrupts.js'
import {renderTable} from '../../src/cli/render.js'
import {formatTime} from '../../src/cli/time-format.js'
import {type RecomputeResult, recomputeAll} from '../../src/services/sla/recompute.js'

export type SlaRecomputeResult = RecomputeResult

export default class SlaRecompute extends BoardCommand<typeof SlaRecompute> {
  static override summary = 'Recompute the deadlines of every open case (after a policy or calendar change)'
  static override examples = [
    {description: 'Show which deadlines would change; write nothing', command: '<%= config.bin %> sla recompute --dry-run'},
    {description: 'Recompute, and say what changed as JSON', command: '<%= config.bin %> sla recompute --json'},
  ]
  static override flags = {'dry-run': Flags.boolean({description: 'show what would change, write nothing'})}

  async run(): Promise<SlaRecomputeResult> {
    const r = await recomputeAll(await this.store(), {actor: await this.actor(), now: this.now(), dryRun: this.flags['dry-run'], signal: this.abort.signal})
    for (const w of r.warnings) this.note(`warning: ${w}`)
    if (r.changed.length > 0) {
      this.out(renderTable(r.changed, [
        {header: this.t('head.case'), value: (c) => c.id},
        {header: this.t('head.rule'), value: (c) => c.rule},
        {header: this.t('head.respondBy'), value: (c) => formatTime(c.respondDueAt.after, this.tz)},
        {header: this.t('head.was'), value: (c) => formatTime(c.respondDueAt.before, this.tz)},
        {header: this.t('head.resolveBy'), value: (c) => formatTime(c.resolveDueAt.after, this.tz)},
        {header: this.t('head.was'), value: (c) => formatTime(c.resolveDueAt.before, this.tz)},
      ], {tty: this.tty, color: this.color}))
    }
    for (const f of r.failed) this.note(`case ${f.id}: ${f.reason}`)
    // Interrupted, what was done and what was not is the one message; the table above is what changed.
    if (r.notDone > 0) throw stoppedEarly(this.lang, {done: r.checked, total: r.checked + r.notDone, what: 'what.cases'})
    this.note(this.t(r.dryRun ? 'recompute.wouldChange' : 'recompute.changed', {changed: r.changed.length, checked: r.checked}) + (r.failed.length > 0 ? this.t('recompute.failed', {n: r.failed.length}) : ''))
    // Partial failure of a bulk action: the rest was applied, the exit code says not all.
    if (r.failed.length > 0) process.exitCode = 1
    return r
  }
}
