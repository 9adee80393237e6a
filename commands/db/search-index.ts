import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {stoppedEarly} from '../../src/cli/interrupts.js'
import {progressLine} from '../../src/cli/progress.js'
import {type CatchUpResult, catchUpSearch} from '../../src/services/cases/search-index.js'

export default class DbSearchIndex extends BoardCommand<typeof DbSearchIndex> {
  static override summary = 'Index for search the cases that wait for it'
  static override description = `A large import leaves its cases to be indexed by a process of its own, which the import starts; until then searches find them too, only more slowly. This runs that catch-up itself: after a crash, or from cron. While another one runs it says so and ends (exit 0). Ctrl-C stops it between batches, keeping what it indexed.`
  static override examples = [
    {description: 'Index the waiting cases now', command: '<%= config.bin %> db search-index'},
    {description: 'The same, as JSON', command: '<%= config.bin %> db search-index --json'},
  ]
  static override flags = {'batch-size': Flags.integer({min: 1, max: 100_000, hidden: true})}

  async run(): Promise<CatchUpResult> {
    const progress = progressLine()
    const label = this.t('search.progress')
    const r = await catchUpSearch(await this.store(), {
      batch: this.flags['batch-size'],
      signal: this.abort.signal,
      onProgress: (done) => progress.update(label, done),
    })
    progress.done()
    if (r.interrupted) throw stoppedEarly(this.lang, {done: r.indexed, total: r.indexed + r.left, what: 'what.cases'})
    this.note(this.t(r.busy ? 'search.busy' : 'search.indexed', {n: r.indexed, left: r.left}))
    return r
  }
}
