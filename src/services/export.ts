import {stopHere} from './boundary.js'
import type {Case} from '../domain/case.js'
import {redact} from '../domain/redact.js'
import {csvHeader, csvRows, type ExportFormat, redactCase, toServiceRequest} from '../export/case-export.js'
import type {CaseFilter} from '../store/cases.js'
import type {Store} from '../store/store.js'

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
}

/** Streams matching cases page by page, so an export of millions never sits in memory. */
export async function exportCases(store: Store, opts: ExportOptions): Promise<ExportSummary> {
  if (!opts.redact) {
    // Recorded before any data leaves, so an interrupted export is on the record too.
    await store.events.append({
      caseId: null, actor: opts.actor, at: opts.now, action: 'export.unredacted', after: {format: opts.format, filter: opts.filter},
    })
  }
  const pageSize = opts.pageSize ?? 2000
  let count = 0
  if (opts.format === 'csv') await opts.write('\uFEFF' + csvHeader()) // BOM: Excel opens UTF-8 as such
  else await opts.write('[')
  for (let offset = 0; ; offset += pageSize) {
    if (await stopHere(opts.signal)) break
    const page = await store.cases.list({...opts.filter, limit: pageSize, offset})
    if (page.length === 0) break
    const cases = opts.redact ? page.map(redactCase) : page
    if (opts.format === 'csv') await opts.write(csvRows(cases))
    else {
      const items = opts.format === 'json' ? cases : await Promise.all(cases.map((c) => serviceRequest(store, c, opts)))
      await opts.write(items.map((item, i) => (count + i === 0 ? '\n' : ',\n') + JSON.stringify(item)).join(''))
    }
    count += page.length
    if (page.length < pageSize) break
  }
  if (opts.format !== 'csv') await opts.write(count === 0 ? ']\n' : '\n]\n')
  return {format: opts.format, count, redacted: opts.redact}
}

async function serviceRequest(store: Store, c: Case, opts: ExportOptions) {
  const replies = c.respondedAt ? await store.cases.replies(c.id) : []
  const sent = replies.filter((r) => r.status === 'sent').at(-1)?.body ?? null
  return toServiceRequest(c, opts.redact ? redact(sent) : sent, opts.tz)
}
