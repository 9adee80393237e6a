import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {stoppedEarly} from '../../src/cli/interrupts.js'
import {BoardCommand} from '../../src/cli/base-command.js'
import {ExitCode} from '../../src/errors.js'
import {importRatings, type RatingsImportResult} from '../../src/services/replies/ratings-import.js'

export type RateImportResult = RatingsImportResult

export default class RateImport extends BoardCommand<typeof RateImport> {
  static override summary = 'Import citizens\' ratings from CSV (ref, rating, comment, time)'
  static override description = 'rating: satisfied/unsatisfied, 满意/基本满意/不满意, 1/0. Chinese headers (留言编号, 评价, 评价内容, 评价时间) work too. Re-importing a file records nothing twice; unsatisfied rows reopen their case. Exit 1 when any row failed.'
  static override examples = [
    {description: 'Import the ratings of the cases of one import source', command: '<%= config.bin %> rate import ratings.csv --source 2024'},
  ]
  static override args = {file: Args.string({description: 'CSV file (- for stdin)', required: true})}
  static override flags = {
    source: Flags.string({description: "the import source the refs belong to", default: 'default'}),
  }

  async run(): Promise<RateImportResult> {
    const store = await this.store()
    const r = await importRatings(store, this.args.file, {
      source: this.flags.source,
      tz: this.tz,
      actor: await this.actor(),
      now: this.now(),
      onFailure: (f) => this.note(`${this.args.file}:${f.line}: ${f.ref}: ${f.reason}`),
      signal: this.abort.signal,
    })
    if (r.notDone > 0) {
      const done = r.recorded + r.duplicates + r.failed.length
      throw stoppedEarly(this.lang, {done, total: done + r.notDone, what: 'what.ratings'})
    }
    this.note(this.t('rate.summary', {file: r.file, recorded: r.recorded, duplicates: r.duplicates, reopened: r.reopened.length, failed: r.failed.length}))
    if (r.failed.length > 0) process.exitCode = ExitCode.failure
    return r
  }
}
