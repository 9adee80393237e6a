import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {type CalendarShowResult, showCalendarYear} from '../../src/services/sla/calendar-service.js'
import {UsageError} from '../../src/errors.js'

export type CalendarShowOutput = CalendarShowResult

export default class CalendarShow extends BoardCommand<typeof CalendarShow> {
  static override readOnly = true
  static override summary = 'Show the holidays and make-up workdays of a year'
  static override examples = [
    {description: 'The holidays and make-up workdays of 2024', command: '<%= config.bin %> calendar show 2024'},
    {description: 'Those of 2019, as JSON', command: '<%= config.bin %> calendar show 2019 --json'},
  ]
  static override args = {year: Args.string({required: true, description: 'year, e.g. 2024'})}

  async run(): Promise<CalendarShowOutput> {
    if (!/^\d{4}$/.test(this.args.year)) throw new UsageError(`"${this.args.year}" is not a year`, 'e.g. board calendar show 2024')
    const r = await showCalendarYear(await this.store(), Number(this.args.year))
    if (!r.covered) this.note(`no State Council schedule for ${r.year}: Monday–Friday assumed (board calendar import FILE)`)
    this.note(`${r.year}: ${r.workingDays} working days`)
    if (r.exceptions.length > 0) this.out(
      renderTable(r.exceptions, [
        {header: this.t('head.date'), value: (d) => d.date},
        {header: this.t('head.kind'), value: (d) => (d.kind === 'makeup' ? 'make-up workday' : d.kind)},
        {header: this.t('head.name'), value: (d) => d.name},
      ], {tty: this.tty, color: this.color}),
    )
    return r
  }
}
