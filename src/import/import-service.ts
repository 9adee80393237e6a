import {basename} from 'node:path'

import type {IncomingCase} from '../domain/case.js'
import type {Store} from '../store/store.js'
import {type Encoding} from './encoding.js'
import {applyMapFile, type ColumnMap, type MapFile, missingRequired, recogniseHeaders} from './fields.js'
import {OPEN311_HEADER, OPEN311_MAP, open311Records} from './open311.js'
import {type CsvItem, csvRecords, openInput, sniffEncoding} from './records.js'
import {type Reject, rawLine, RejectsWriter} from './rejects.js'
import {contentHash, RowError, toIncoming} from './row.js'
import {BoardError, UsageError} from '../errors.js'

export interface ImportOptions {
  files: string[]
  source: string
  tz: string
  format: 'csv' | 'open311'
  encoding?: Encoding
  mapFile?: MapFile
  rejectsPath: string
  dryRun: boolean
  actor: string
  batchSize?: number
  now: () => Date
  signal?: AbortSignal
  onReject?: (r: Reject) => void
  onProgress?: (p: {file: string; rows: number}) => void
}

export interface FileImportSummary {
  file: string
  encoding: Encoding | 'json'
  read: number
  inserted: number
  updated: number
  unchanged: number
  /** Rows repeated verbatim inside the file: counted once, not rejected. */
  duplicates: number
  rejected: number
  conflicts: number
  seconds: number
  rowsPerSecond: number
}

export interface ImportResult {
  dryRun: boolean
  source: string
  files: FileImportSummary[]
  rejectsFile: string | null
  interrupted: boolean
}

export async function importFiles(store: Store, opts: ImportOptions): Promise<ImportResult> {
  const rejects = new RejectsWriter(opts.rejectsPath)
  const files: FileImportSummary[] = []
  let interrupted = false
  try {
    for (const file of opts.files) {
      const summary = await importOne(store, file, opts, rejects)
      files.push(summary)
      if (opts.signal?.aborted) {
        interrupted = true
        break
      }
    }
  } finally {
    await rejects.close()
  }
  return {dryRun: opts.dryRun, source: opts.source, files, rejectsFile: rejects.count > 0 ? rejects.path : null, interrupted}
}

async function importOne(store: Store, file: string, opts: ImportOptions, rejects: RejectsWriter): Promise<FileImportSummary> {
  const started = performance.now()
  const name = file === '-' ? 'stdin' : file
  let input
  try {
    input = openInput(file)
    if (file !== '-') await new Promise<void>((resolve, reject) => input!.once('open', () => resolve()).once('error', reject))
  } catch (error) {
    throw new BoardError(`cannot read ${name}: ${(error as Error).message}`)
  }
  const s: FileImportSummary = {file: name, encoding: 'utf8', read: 0, inserted: 0, updated: 0, unchanged: 0, duplicates: 0, rejected: 0, conflicts: 0, seconds: 0, rowsPerSecond: 0}
  const reject = (r: Omit<Reject, 'file'>) => {
    const full = {file: name, ...r}
    s.rejected++
    rejects.write(full)
    opts.onReject?.(full)
  }

  let items: AsyncGenerator<CsvItem>
  let header: string[]
  let map: ColumnMap
  if (opts.format === 'open311') {
    s.encoding = 'json'
    items = open311Records(input)
    header = OPEN311_HEADER
    map = OPEN311_MAP
  } else {
    const sniffed = await sniffEncoding(input, opts.encoding)
    s.encoding = sniffed.encoding
    items = csvRecords(sniffed.stream, sniffed.encoding)
    const first = await nextRecord(items, reject)
    if (!first) return finish(s, started)
    header = first.map((h) => h.trim())
    map = opts.mapFile ? applyMapFile(header, opts.mapFile, name) : recogniseHeaders(header)
    const missing = missingRequired(map)
    if (missing.length > 0) {
      throw new UsageError(
        `${name}: no column for ${missing.join(', ')} (header: ${header.join(', ')})`,
        'pass --map FILE naming the columns, e.g. {"fields": {"ref": "Unique Key", "postedAt": "Created Date", "title": "Complaint Type"}}',
      )
    }
  }

  const ctx = {source: opts.source, tz: opts.mapFile?.timezone ?? opts.tz, header, parseDate: await patternParser(opts.mapFile, opts.tz)}
  // ref → (first line << 16 | 16-bit content hash): enough to tell a verbatim repeat from a clash,
  // in a few dozen bytes a row even for millions of rows.
  const seen = new Map<string, number>()
  const batchSize = opts.batchSize ?? 1000
  let batch: {row: IncomingCase; line: number; values: string[]}[] = []

  const flush = async () => {
    if (batch.length === 0) return
    const outcomes = await store.cases.importBatch(batch.map((b) => b.row), {actor: opts.actor, now: opts.now(), dryRun: opts.dryRun})
    outcomes.forEach((o, i) => {
      if (o.kind === 'inserted') s.inserted++
      else if (o.kind === 'updated') s.updated++
      else if (o.kind === 'unchanged') s.unchanged++
      else {
        s.conflicts++
        const b = batch[i]
        reject({line: b.line, field: header[map.ref![0]] ?? 'ref', reason: `ref ${b.row.ref} already names case #${o.id} in source "${opts.source}", a different message (posted time and title differ); not overwritten`, raw: rawLine(b.values)})
      }
    })
    batch = []
    opts.onProgress?.({file: name, rows: s.read})
  }

  for await (const item of items) {
    if (item.kind === 'issue') {
      s.read++
      reject({line: item.issue.line, field: null, reason: item.issue.reason, raw: item.issue.raw})
      continue
    }
    const {line, values} = item.record
    s.read++
    let row: IncomingCase
    try {
      row = toIncoming(values, map, ctx)
    } catch (error) {
      if (!(error instanceof RowError)) throw error
      reject({line, field: error.field, reason: error.message, raw: rawLine(values)})
      continue
    }
    const hash = contentHash(row) & 0xffff
    const prior = seen.get(row.ref)
    if (prior !== undefined) {
      if ((prior & 0xffff) === hash) s.duplicates++
      else reject({line, field: header[map.ref![0]] ?? 'ref', reason: `duplicate ref ${row.ref} in this file, first at line ${Math.floor(prior / 65_536)} with different content; the first is kept`, raw: rawLine(values)})
      continue
    }
    seen.set(row.ref, line * 65_536 + hash)
    batch.push({row, line, values})
    if (batch.length >= batchSize) {
      await flush()
      // Stop between batches: what was committed stays, and a re-run carries on from there.
      if (opts.signal?.aborted) break
    }
  }
  if (!opts.signal?.aborted) await flush()
  return finish(s, started)
}

function finish(s: FileImportSummary, started: number): FileImportSummary {
  s.seconds = Math.round(performance.now() - started) / 1000
  s.rowsPerSecond = s.seconds > 0 ? Math.round(s.read / s.seconds) : s.read
  return s
}

async function nextRecord(items: AsyncGenerator<CsvItem>, reject: (r: Omit<Reject, 'file'>) => void): Promise<string[] | undefined> {
  // next() by hand: leaving a for-await early would close the generator for the caller too.
  for (;;) {
    const {done, value: item} = await items.next()
    if (done) return undefined
    if (item.kind === 'record') return item.record.values
    reject({line: item.issue.line, field: null, reason: item.issue.reason, raw: item.issue.raw})
  }
}

async function patternParser(map: MapFile | undefined, tz: string): Promise<((raw: string) => string) | undefined> {
  if (!map?.dateFormat) return undefined
  const {parse} = await import('date-fns/parse')
  const {TZDate} = await import('@date-fns/tz')
  const zone = map.timezone ?? tz
  const pattern = map.dateFormat
  return (raw: string) => {
    const d = parse(raw.trim(), pattern, new TZDate(2000, 0, 1, zone))
    if (Number.isNaN(d.getTime())) throw new Error(`"${raw}" does not match ${pattern}`)
    return new Date(d.getTime()).toISOString()
  }
}
