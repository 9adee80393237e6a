import * as Flags from '@oclif/core/flags'
import {hostname} from 'node:os'

import {BoardCommand} from '../src/cli/base-command.js'
import {stoppedEarly} from '../src/cli/interrupts.js'
import {renderTable} from '../src/cli/render.js'
import {NoInputError} from '../src/errors.js'
import {autoTriage, type AutoTriageResult} from '../src/services/triage/auto.js'

export type TriageResult = AutoTriageResult | {interactive: true; decided: number}

export default class Triage extends BoardCommand<typeof Triage> {
  static override summary = 'Triage new messages: one at a time at a terminal, or --auto'
  static override description = `At a terminal, shows the next new message with suggestions (category, type, urgency, unit, duplicates) and saves each decision at once; two clerks never get the same message.
With --auto, applies the suggestions to every new message whose confidence reaches --min-confidence and leaves the rest for people.`
  static override examples = [
    {description: 'Triage at the terminal, one message at a time', command: '<%= config.bin %> triage'},
    {description: 'Show what automatic triage would do at a confidence of 0.9 or more; write nothing', command: '<%= config.bin %> triage --auto --min-confidence 0.9 --dry-run'},
    {description: 'Triage automatically, as JSON', command: '<%= config.bin %> triage --auto --json'},
  ]
  static override flags = {
    auto: Flags.boolean({description: 'apply suggestions without asking'}),
    'min-confidence': Flags.string({default: '0.8', description: 'with --auto: least category confidence (0–1) to act on'}),
    'dry-run': Flags.boolean({description: 'with --auto: show what would be done; nothing is claimed or written'}),
  }

  async run(): Promise<TriageResult> {
    const f = this.flags
    if (!f.auto) {
      if (!this.canPrompt()) {
        throw new NoInputError(this.t('triage.needsTty'), 'use board triage --auto [--min-confidence X] for unattended triage, and board assign to route cases')
      }
      const {triageSession} = await import('../src/cli/triage-session.js')
      return triageSession(await this.store(), {actor: await this.actor(), now: () => this.now(), lang: this.lang, tz: this.tz})
    }
    const min = Number(f['min-confidence'])
    if (!Number.isFinite(min) || min < 0 || min > 1) throw new NoInputError(`--min-confidence must be between 0 and 1, not ${f['min-confidence']}`)
    const actor = await this.actor()
    const r = await autoTriage(await this.store(), {
      worker: `${actor}@${hostname()}:${process.pid}`,
      actor,
      now: () => this.now(),
      minConfidence: min,
      dryRun: f['dry-run'],
      signal: this.abort.signal,
    })
    for (const w of r.warnings) this.note(`warning: ${w}`)
    for (const x of r.failed) this.note(`case ${x.id}: ${x.reason}`)
    if (f['dry-run'] && r.items.length > 0) {
      this.out(
        renderTable(r.items, [
          {header: this.t('col.id'), value: (i) => i.id},
          {header: this.t('col.title'), value: (i) => i.title, max: 30},
          {header: this.t('col.category'), value: (i) => i.category},
          {header: this.t('col.confidence'), value: (i) => i.confidence.toFixed(2)},
          {header: this.t('col.type'), value: (i) => i.type},
          {header: this.t('col.flags'), value: (i) => i.flags.join(',')},
          {header: this.t('col.unit'), value: (i) => i.unit},
          {header: this.t('col.wouldBe'), value: (i) => i.outcome},
        ], {tty: this.tty, color: this.color}),
      )
    }
    if (r.notExamined > 0) throw stoppedEarly(this.lang, {done: r.examined, total: r.examined + r.notExamined, what: 'what.cases'})
    this.note(this.t(f['dry-run'] ? 'triage.summaryDry' : 'triage.summary', {examined: r.examined, triaged: r.triaged, assigned: r.assigned, left: r.leftForPeople, failed: r.failed.length}))
    if (r.failed.length > 0) process.exitCode = 1
    return r
  }
}
