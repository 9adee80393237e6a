import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'

import {DATA} from '../helpers/run-cli.js'

export interface TipRow {
  ref: string
  author: string
  title: string
  body: string
  postedAt: string
  category: string
}

/** The vendored TipDM exports (test/fixtures/tipdm2020c). */
export const TIPDM = join(DATA, 'tipdm2020c')

let cache: Map<string, TipRow> | undefined

/** Real messages from labeled_messages.csv, by their 留言编号. */
export function tip(ref: string): TipRow {
  cache ??= new Map(
    (parse(readFileSync(join(TIPDM, 'labeled_messages.csv')), {columns: true, bom: true}) as Record<string, string>[]).map((r) => [
      r['留言编号'].trim(),
      {ref: r['留言编号'].trim(), author: r['留言用户'], title: r['留言主题'], body: r['留言详情'], postedAt: r['留言时间'].replace(' ', 'T') + '+08:00', category: r['一级标签']},
    ]),
  )
  const row = cache.get(ref)
  if (!row) throw new Error(`no message ${ref} in labeled_messages.csv`)
  return row
}
