import {Flags} from '@oclif/core'

import {BoardCommand} from '../src/cli/base-command.js'
import {renderCaseList} from '../src/cli/case-views.js'
import {caseFilterFlags, caseFilterFrom} from '../src/cli/case-filter-flags.js'
import {CASE_STATUSES, type Case, type CaseStatus} from '../src/domain/case.js'
import type {SearchOrder} from '../src/store/cases.js'

export type ListResult = Case[]

export default class List extends BoardCommand<typeof List> {
  static override summary = 'List cases'
  static override examples = [
    '<%= config.bin %> list --status new --limit 20',
    '<%= config.bin %> list --category 城乡建设 --since 2019-01-01 --json',
    '<%= config.bin %> list --search 停水',
    '<%= config.bin %> list --search 噪音 --order relevance --limit 10',
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
      description: 'with --search: newest first (the default), or most relevant first (the ref, then the title, then how often the body has it)',
    }),
    limit: Flags.integer({default: 50, min: 0, description: 'at most this many (0: all)'}),
  }

  async run(): Promise<ListResult> {
    const f = this.flags
    const store = await this.store()
    const cases = await store.cases.list({
      ...caseFilterFrom(f, this.tz),
      status: f.status as CaseStatus[] | undefined,
      handler: f.handler,
      source: f.source,
      search: f.search,
      order: f.order as SearchOrder | undefined,
      limit: f.limit === 0 ? undefined : f.limit,
    })
    if (cases.length === 0) this.note(this.t('list.none'))
    else this.out(renderCaseList(cases, {lang: this.lang, tz: this.tz, tty: this.tty, color: this.color}))
    return cases
  }
}
