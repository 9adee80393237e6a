import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import {progressLine} from '../src/cli/progress.js'
import {caseFilterFlags, caseFilterFrom} from '../src/cli/case-filter-flags.js'
import {dimensionName, keyLabel, METRIC_IDS, METRICS, renderStatsTable, statsCsv} from '../src/cli/stats-view.js'
import {barChart, sparkline} from '../src/cli/terminal-chart.js'
import {parseDimensions} from '../src/domain/stats.js'
import {UsageError} from '../src/errors.js'
import {computeStats, type StatsResult as Result} from '../src/services/stats/stats.js'
import {STATS_DIMENSIONS} from '../src/store/stats.js'

export type StatsResult = Result

export default class Stats extends BoardCommand<typeof Stats> {
  static override summary = 'Statistics: counts, shares, handling days, satisfaction, on-time rates'
  static override readOnly = true
  static override description =
    'Aggregated in the store (SQL). Handling days from posting to the first reply and to resolution, in calendar days and in working days of the State Council calendar (see `board calendar`).'
  static override examples = [
    {description: 'Counts and rates by year', command: '<%= config.bin %> stats --by year'},
    {description: 'By year and category since 2019, as CSV', command: '<%= config.bin %> stats --by year,category --since 2019-01-01 --csv > stats.csv'},
    {description: 'A chart of the mean time to respond, by month', command: '<%= config.bin %> stats --by month --chart --metric respond-mean'},
  ]
  static override flags = {
    by: Flags.string({description: `group by, comma-separated: ${STATS_DIMENSIONS.join(', ')}`}),
    ...caseFilterFlags,
    csv: Flags.boolean({description: 'CSV on stdout (ratios 0–1, days as decimals)', exclusive: ['chart']}),
    chart: Flags.boolean({description: 'bars in the terminal for one --by dimension'}),
    metric: Flags.string({options: METRIC_IDS, default: 'count', description: 'what --chart draws'}),
    wide: Flags.boolean({description: 'on a terminal, every metric (default: a compact set that fits; piped output always has all)'}),
  }

  async run(): Promise<StatsResult> {
    const f = this.flags
    const by = parseDimensions(f.by, STATS_DIMENSIONS)
    if (typeof by === 'string') throw new UsageError(`--by: unknown dimension "${by}"`, `use any of ${STATS_DIMENSIONS.join(', ')}`)
    if (f.chart && by.length !== 1) throw new UsageError('--chart draws one dimension', 'pass exactly one, e.g. --by year')
    // The first run over cases new to statistics works out their handling times: a counter shows it.
    const progress = progressLine()
    const result = await computeStats(await this.store(), {
      by,
      now: this.now(),
      filter: {
        ...caseFilterFrom(f, this.tz),
      },
      onProgress: (done) => progress.update(this.t('stats.durations'), done),
    })
    progress.done()
    if (result.rows.length === 0) this.note(this.t('list.none'))
    else if (f.csv) this.out(statsCsv(result))
    else if (f.chart) this.out(this.chart(result, f.metric))
    else this.out(renderStatsTable(result, {lang: this.lang, tty: this.tty, color: this.color, wide: f.wide}))
    return result
  }

  private chart(result: StatsResult, metricId: string): string {
    const metric = METRICS.find((m) => m.id === metricId)!
    const dim = result.by[0]
    const items = result.rows.map((r) => ({label: keyLabel(dim, r.key[dim], this.lang), value: metric.value(r), display: metric.format(metric.value(r))}))
    const title = `${dimensionName(dim, this.lang)} · ${metric[this.lang]}`
    const timeLike = dim === 'year' || dim === 'quarter' || dim === 'month'
    const spark = timeLike && items.length > 1 ? `\n${sparkline(items.map((i) => i.value))}` : ''
    return `${title}\n${barChart(items, {color: this.color})}${spark}`
  }
}
