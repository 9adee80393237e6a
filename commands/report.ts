import * as Flags from '@oclif/core/flags'
import {writeFileSync} from 'node:fs'

import {BoardCommand} from '../src/cli/base-command.js'
import {UsageError} from '../src/errors.js'
import {chartJsSource} from '../src/report/chart-js.js'
import {renderHtml} from '../src/report/html.js'
import {renderMarkdown} from '../src/report/markdown.js'
import {buildReport, type ReportData} from '../src/services/stats/report.js'

export type ReportResult = ReportData & {out: string | null; format: 'html' | 'md'}

export default class Report extends BoardCommand<typeof Report> {
  static override summary = 'Yearly report: one self-contained HTML file with charts (or Markdown)'
  static override readOnly = true
  static override examples = [
    {description: 'The 2019 report as one HTML file', command: '<%= config.bin %> report --year 2019 --out report-2019.html'},
    {description: 'The same, compared with 2018', command: '<%= config.bin %> report --year 2019 --compare 2018 --out report.html'},
    {description: 'The 2019 report as Markdown', command: '<%= config.bin %> report --year 2019 --format md > report.md'},
  ]
  static override flags = {
    year: Flags.integer({required: true, min: 1990, max: 2100, description: 'the year reported on'}),
    compare: Flags.integer({min: 1990, max: 2100, description: 'a year to compare with'}),
    format: Flags.string({options: ['html', 'md'], default: 'html', description: 'HTML page (charts) or Markdown (tables, for email)'}),
    out: Flags.string({char: 'o', description: 'write to this file (Markdown may go to stdout)'}),
  }

  async run(): Promise<ReportResult> {
    const f = this.flags
    const format = f.format as 'html' | 'md'
    if (format === 'html' && !f.out) throw new UsageError('the HTML report is a file', 'pass --out report.html')
    if (this.json && !f.out) throw new UsageError('--json prints the figures, so the report needs a file', 'pass --out <file>')
    const data = await buildReport(await this.store(), {year: f.year, compare: f.compare, now: this.now()})
    const text = format === 'html' ? renderHtml(data, chartJsSource()) : renderMarkdown(data)
    if (f.out) {
      writeFileSync(f.out, text)
      this.note(f.out)
    } else this.out(text)
    return {...data, out: f.out ?? null, format}
  }
}
