import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {type CalendarImportResult, importCalendarYear} from '../../src/services/sla/calendar-service.js'

export type CalendarImportOutput = CalendarImportResult

export default class CalendarImport extends BoardCommand<typeof CalendarImport> {
  static override summary = "Add a year of China's holidays and make-up workdays (holiday-cn JSON)"
  static override description = 'Stored years override the bundled ones. Run board sla recompute afterwards so deadlines use it.'
  static override examples = [
    {description: 'Add 2027 from a holiday-cn JSON file', command: '<%= config.bin %> calendar import 2027.json'},
    {description: 'Add 2027 straight from the holiday-cn project', command: 'curl -s https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2027.json | <%= config.bin %> calendar import -'},
  ]
  static override args = {file: Args.string({required: true, description: 'holiday-cn JSON file, or - for stdin'})}

  async run(): Promise<CalendarImportOutput> {
    const r = await importCalendarYear(await this.store(), this.args.file, {actor: await this.actor(), now: this.now()})
    this.note(this.t(r.replaced ? 'calendar.replaced' : 'calendar.added', {year: r.year, days: r.days}))
    return r
  }
}
