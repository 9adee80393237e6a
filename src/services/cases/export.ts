import {BoardError} from '../../errors.js'
import {stopHere} from '../boundary.js'
import type {Case} from '../../domain/case.js'
import {redact} from '../../domain/redact.js'
import {CSV_COLUMNS, csvHeader, csvValueLines, type ExportFormat, maskedCsvCell, redactCase, toServiceRequest} from '../../export/case-export.js'
import type {CaseFilter} from '../../store/cases.js'
import type {Store} from '../../store/store.js'

export interface ExportOptions {
  format: ExportFormat
  filter: Pick<CaseFilter, 'since' | 'until' | 'unit' | 'category'>
  /** false only on an explicit --no-redact; recorded as an audit event */
  redact: boolean
  tz: string
  actor: string
  now: Date
  write: (chunk: string) => Promise<void>
  pageSize?: number
  signal?: AbortSignal
}

export interface ExportSummary {
  format: ExportFormat
  count: number
  redacted: boolean
  /** Stopped early (signal): the matching cases not written. */
  notDone: number
}

/** Streams matching cases page by page, so an export of millions never sits in memory. */
export async function exportCases(store: Store, opts: ExportOptions): Promise<ExportSummary> {
  if (!opts.redact) {
    if (store.access && !(await store.access.isAdmin())) {
      throw new BoardError(`an export with --no-redact is for admins: it carries citizens' phone numbers, ID numbers and emails`, {
        suggestion: 'export without --no-redact (personal data masked), or ask an admin (board db grant ROLE --admin)',
      })
    }
    // Recorded before any data leaves, so an interrupted export is on the record too.
    await store.events.append({
      caseId: null, actor: opts.actor, at: opts.now, action: 'export.unredacted', after: {format: opts.format, filter: opts.filter},
    })
  }
  const pageSize = opts.pageSize ?? 1000
  let count = 0
  if (opts.format === 'csv') await opts.write('\uFEFF' + csvHeader()) // BOM: Excel opens UTF-8 as such
  else await opts.write('[')
  let after: CaseFilter['after']
  // CSV reads values, not cases (no object a case: most of an export's time went on them), from
  // one run of the query: a server plans a whole-table read once, where a page is an index walk.
  if (opts.format === 'csv' && store.cases.exportCsv) {
    count = await store.cases.exportCsv(opts.filter, {masked: opts.redact, maskedCell: maskedCsvCell, size: pageSize}, async (text) => {
      if (await stopHere(opts.signal)) return false
      await opts.write(text)
    })
  } else if (opts.format === 'csv') {
    await store.cases.eachValues(opts.filter, CSV_COLUMNS, pageSize, async (rows) => {
      if (await stopHere(opts.signal)) return false
      await opts.write(csvValueLines(rows, opts.redact))
      count += rows.length
    })
  }
  while (opts.format !== 'csv') {
    if (await stopHere(opts.signal)) break
    const page = await store.cases.list({...opts.filter, limit: pageSize, after})
    if (page.length === 0) break
    const last = page[page.length - 1]
    after = {postedAt: last.postedAt, id: last.id}
    const cases = opts.redact ? page.map(redactCase) : page
    const items = opts.format === 'json' ? cases : await serviceRequests(store, cases, opts)
    await opts.write(items.map((item, i) => (count + i === 0 ? '\n' : ',\n') + JSON.stringify(item)).join(''))
    count += page.length
    if (page.length < pageSize) break
  }
  if (opts.format !== 'csv') await opts.write(count === 0 ? ']\n' : '\n]\n')
  // Counted only when stopped: a full run needs no second pass over the cases.
  const notDone = opts.signal?.aborted ? Math.max(0, (await store.cases.count(opts.filter)) - count) : 0
  return {format: opts.format, count, redacted: opts.redact, notDone}
}

async function serviceRequests(store: Store, cases: Case[], opts: ExportOptions) {
  const replies = await store.cases.publishedReplies(cases.map((c) => c.id))
  return cases.map((c) => {
    const reply = replies.get(c.id) ?? null
    return toServiceRequest(c, reply && opts.redact ? {...reply, body: redact(reply.body)!} : reply, opts.tz)
  })
}
