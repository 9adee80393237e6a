import * as Flags from '@oclif/core/flags'
import {createWriteStream, type WriteStream} from 'node:fs'
import {once} from 'node:events'

import {BoardCommand} from '../src/cli/base-command.js'
import {caseFilterFlags, caseFilterFrom} from '../src/cli/case-filter-flags.js'
import {stoppedEarly} from '../src/cli/interrupts.js'
import {UsageError} from '../src/errors.js'
import {exportCases, type ExportSummary} from '../src/services/cases/export.js'

export type ExportResult = ExportSummary & {out: string | null}

export default class Export extends BoardCommand<typeof Export> {
  static override summary = 'Export cases as CSV, JSON or Open311 (GeoReport v2), safe to open'
  static override readOnly = true
  static override description =
    'CSV cells that a spreadsheet would run as formulas are neutralised. Phone numbers, ID-card numbers and email addresses in citizen text are masked unless --no-redact is given (recorded in the audit log).'
  static override examples = [
    {description: 'Cases posted since 2019 as CSV, personal data masked', command: '<%= config.bin %> export --since 2019-01-01 > cases.csv'},
    {description: "One category's cases as Open311 requests", command: '<%= config.bin %> export --format open311 --category 交通运输 --out requests.json'},
    {description: 'Every case as JSON, personal data not masked', command: '<%= config.bin %> export --format json --no-redact --out full.json'},
  ]
  static override flags = {
    format: Flags.string({options: ['csv', 'json', 'open311'], default: 'csv', description: 'output format'}),
    out: Flags.string({char: 'o', description: 'write to this file (else stdout)'}),
    ...caseFilterFlags,
    redact: Flags.boolean({default: true, allowNo: true, description: 'mask phone numbers, ID numbers and emails (--no-redact: admins, audited)'}),
  }

  async run(): Promise<ExportResult> {
    const f = this.flags
    if (this.json && !f.out) throw new UsageError('--json prints the summary, so the export needs a file', 'pass --out <file>')
    // A reader that goes away (`| head`) ends the export quietly, as other Unix tools do.
    const stop = new AbortController()
    let file: WriteStream | null = null
    let sink: NodeJS.WritableStream | null = null
    // The file is made with the first data, so an export refused before any (--no-redact for a
    // clerk) leaves no empty file behind.
    const open = () => {
      if (sink) return sink
      file = f.out ? createWriteStream(f.out) : null
      sink = file ?? process.stdout
      sink.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error
        stop.abort()
      })
      return sink
    }
    const write = async (chunk: string) => {
      if (stop.signal.aborted) return
      const to = open()
      if (!to.write(chunk)) await Promise.race([once(to, 'drain'), once(stop.signal, 'abort')])
    }
    const store = await this.store()
    try {
      const summary = await exportCases(store, {
        format: f.format as 'csv' | 'json' | 'open311',
        filter: {
          ...caseFilterFrom(f, this.tz),
        },
        redact: f.redact,
        tz: this.tz,
        actor: await this.actor(),
        now: this.now(),
        write,
        signal: AbortSignal.any([this.abort.signal, stop.signal]),
      })
      if (this.abort.signal.aborted) throw stoppedEarly(this.lang, {done: summary.count, total: summary.count + summary.notDone, what: 'what.cases'})
      if (file) this.note(`${summary.count} → ${f.out}`)
      return {...summary, out: f.out ?? null}
    } finally {
      const opened = file as WriteStream | null
      if (opened) {
        opened.end()
        await once(opened, 'close')
      }
    }
  }
}
