import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import {caseColumns} from '../src/cli/case-views.js'
import {caseFilterFlags, caseFilterFrom} from '../src/cli/case-filter-flags.js'
import {dataOut, jsonArrayOut} from '../src/cli/data-out.js'
import {limitFlag, listingLimit} from '../src/cli/listing-limit.js'
import {renderTable} from '../src/cli/render.js'
import {CASE_STATUSES, type Case, type CaseStatus} from '../src/domain/case.js'
import {stopHere} from '../src/services/boundary.js'
import type {SearchOrder} from '../src/store/cases.js'

/** The --json contract: every matching case, newest first (written as it is read, never held whole). */
export type ListResult = Case[]

export default class List extends BoardCommand<typeof List> {
  static override summary = 'List cases'
  static override readOnly = true
  static override examples = [
    {description: 'The first twenty new cases', command: '<%= config.bin %> list --status new --limit 20'},
    {description: "One category's cases since 2019, as JSON", command: '<%= config.bin %> list --category 城乡建设 --since 2019-01-01 --json'},
    {description: 'Cases whose title or body has the text', command: '<%= config.bin %> list --search 停水'},
    {description: 'The ten cases most relevant to a word', command: '<%= config.bin %> list --search 噪音 --order relevance --limit 10'},
  ]
  static override flags = {
    ...caseFilterFlags,
    status: Flags.string({options: [...CASE_STATUSES], multiple: true, description: 'only these statuses'}),
    handler: Flags.string({description: 'only this handler (code or name)'}),
    source: Flags.string({description: 'only this import source'}),
    search: Flags.string({description: 'text in title or body, or an exact ref'}),
    order: Flags.string({
      options: ['time', 'relevance'],
      dependsOn: ['search'],
      description: 'with --search: newest first (the default), or most relevant first (the ref, then the title, then how often the body has it; a word with more than 5,000 matches ranks its newest 5,000)',
    }),
    limit: limitFlag,
  }

  async run(): Promise<void> {
    const f = this.flags
    const store = await this.store()
    const filter = {
      ...caseFilterFrom(f, this.tz),
      status: f.status as CaseStatus[] | undefined,
      handler: f.handler,
      source: f.source,
      search: f.search,
      order: f.order as SearchOrder | undefined,
    }
    const {limit, screen} = listingLimit({limit: f.limit, tty: this.tty, json: this.json})
    const out = dataOut()
    const json = this.json ? jsonArrayOut(out) : undefined
    const columns = caseColumns({lang: this.lang, tz: this.tz, tty: this.tty, color: this.color})
    let shown = 0
    for await (const page of store.cases.pages({...filter, limit})) {
      if (json) await json.items(page)
      else await out.write(renderTable(page, columns, {tty: this.tty, color: this.color, header: shown === 0}) + '\n')
      shown += page.length
      if (out.closed || (await stopHere(this.abort.signal))) break
    }
    await json?.end()
    this.throwIfAborted()
    if (shown === 0) this.note(this.t('list.none'))
    else if (screen && shown === limit) {
      const total = await store.cases.count(filter)
      if (total > shown) this.note(this.t('listing.more', {shown, total, more: total - shown}))
    }
  }
}
