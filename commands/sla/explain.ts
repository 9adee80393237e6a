import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {formatTime} from '../../src/cli/time-format.js'
import {formatTarget} from '../../src/domain/sla/policy.js'
import {formatSpan, RUNNING_STATUSES} from '../../src/domain/sla/overdue.js'
import {oneLine} from '../../src/domain/sanitize.js'
import {explainSla, type SlaExplanation} from '../../src/services/sla/explain.js'

export type SlaExplainResult = SlaExplanation

export default class SlaExplain extends BoardCommand<typeof SlaExplain> {
  static override readOnly = true
  static override summary = 'Show which SLA rule matched a case, its deadlines, waits, transfers and the days the calendar skipped'
  static override examples = [
    {description: 'Why a case has its deadlines', command: '<%= config.bin %> sla explain 42'},
    {description: 'The same by source and ref, as JSON', command: '<%= config.bin %> sla explain sample/2555 --json'},
  ]
  static override args = {id: Args.string({required: true, description: 'case id, or SOURCE/REF'})}

  async run(): Promise<SlaExplainResult> {
    const e = await explainSla(await this.store(), this.args.id, {now: this.now()})
    const t = (iso: string | null | undefined) => formatTime(iso, this.tz)
    const match = Object.entries(e.rule.match ?? {}).map(([k, v]) => `${k}=${[v].flat().join('+')}`).join(', ')
    const lines = [
      `case ${e.id}: ${oneLine(e.title, 60)} (${e.status})`,
      `rule: ${e.rule.name ?? 'none matched'}${e.rule.index === null ? '' : ` (rules[${e.rule.index}]), ${match ? `matching ${oneLine(match, 80)}` : 'the catch-all'}`}; on transfer: ${e.transfer}`,
      `flags: ${e.flags.set.join(', ') || 'none'}${e.flags.matched.length > 0 ? ` (the rule needs ${e.flags.matched.join(' + ')})` : ''}`,
      `zone: ${e.zone.name} (${e.zone.stored ? 'store.timezone' : 'default; store.timezone not set'})`,
      e.history
        ? `clock started ${t(e.history.start)}${e.history.reopenedAt ? `, reopened ${t(e.history.reopenedAt)}` : ''}`
        : 'clock not started: nobody has triaged this case yet, so it has no deadline',
    ]
    for (const p of e.history?.pauses ?? []) lines.push(`waiting ${t(p.from)} → ${p.to ? t(p.to) : 'now (clock stopped)'}`)
    for (const x of e.history?.transfers ?? []) lines.push(`transferred ${t(x.at)}${x.acceptedAt ? `, taken ${t(x.acceptedAt)}` : ', not yet taken'}`)
    for (const [name, s] of [['respond', e.respond], ['resolve', e.resolve]] as const) {
      if (!s) continue
      lines.push(`${name}: ${formatTarget(s.target)} from ${t(s.clockFrom)} → due ${t(s.dueAt)}${s.pausedMs > 0 ? ` (+${formatSpan(s.pausedMs)} paused)` : ''}`)
      if (s.skipped.length > 0) lines.push(`  skipped: ${s.skipped.map((d) => `${d.date.slice(5)}${d.kind === 'holiday' ? ` ${d.name ?? 'holiday'}` : ''}`).join(', ')}`)
    }
    const stale = (a: string | null, b: string | undefined) => (a ? Date.parse(a) : null) !== (b ? Date.parse(b) : null)
    const running = [...RUNNING_STATUSES, 'waiting'].includes(e.status as never)
    if (running && (stale(e.stored.respondDueAt, e.respond?.dueAt) || stale(e.stored.resolveDueAt, e.resolve?.dueAt))) {
      lines.push(`stored deadlines differ (respond ${t(e.stored.respondDueAt) || '-'}, resolve ${t(e.stored.resolveDueAt) || '-'}): run board sla recompute`)
    }
    this.out(lines.join('\n'))
    for (const w of e.warnings) this.note(`warning: ${w}`)
    return e
  }
}
