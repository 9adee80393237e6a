import type {Readable} from 'node:stream'

import type {IncomingCase} from '../../domain/case.js'
import {UsageError} from '../../errors.js'
import type {Encoding} from '../parse/encoding.js'
import {applyMapFile, type ColumnMap, type MapFile, missingRequired, recogniseHeaders} from './fields.js'
import {OPEN311_HEADER, OPEN311_MAP, open311Source} from '../parse/open311.js'
import {type CsvItem, type CsvRecord, csvSource, type RecordSource} from '../parse/records.js'
import {rawLine, type Reject} from '../write/rejects.js'
import {contentHash, type RowContext, RowError, toIncoming} from './row.js'
import {SeenRefs} from './seen-refs.js'

// Everything about one file that needs no store: decoding and parsing (csvSource), then the
// header, row checks and repeats inside the file (rowItems). All of it can run in a worker thread
// (worker-rows.ts) while this thread writes the rows.

export interface RowStreamOptions {
  name: string
  source: string
  tz: string
  format: 'csv' | 'open311'
  encoding?: Encoding
  mapFile?: MapFile
}

export type RowItem =
  | {kind: 'encoding'; encoding: Encoding | 'json'; refColumn: string}
  /**
   * record: kept for a reject the store may still decide on (see recordText); rows from the parse
   * worker come without it (the worker keeps it: WorkerRows.rawText).
   */
  | {kind: 'row'; line: number; row: IncomingCase; record?: CsvRecord}
  | {kind: 'reject'; reject: Omit<Reject, 'file'>}
  /** A row repeated verbatim inside the file: counted once, not rejected. */
  | {kind: 'duplicate'}

export async function* rowStream(input: Readable, o: RowStreamOptions): AsyncGenerator<RowItem[]> {
  const source = o.format === 'open311' ? open311Source(input) : await csvSource(input, o.encoding)
  yield* rowItems(source, o)
}

/**
 * A file's records (from csvSource, a worker, or Open311 JSON) as rows, rejects and repeats, a
 * batch at a time: a million rows passing one by one through three async generators would cost
 * more in promises than the checks themselves.
 */
export async function* rowItems(source: RecordSource, o: RowStreamOptions): AsyncGenerator<RowItem[]> {
  try {
    // What the checker says before any record (Open311's encoding) leads the first batch: nothing
    // is handed out before the source has started, so closing it always reaches its cleanup.
    let out: RowItem[] = []
    const check = await rowChecker(source.encoding, o, out)
    for await (const batch of source.batches) {
      for (const item of batch) check(item, out)
      if (out.length > 0) yield out
      out = []
    }
    if (out.length > 0) yield out
  } finally {
    // However this ends (a bad header, Ctrl-C), the reader under it stops too (a worker thread).
    await source.batches.return(undefined)
  }
}

/** Checks one item at a time into out; CSV's first record is the header, which names the columns. */
async function rowChecker(encoding: Encoding | 'json', o: RowStreamOptions, first: RowItem[]): Promise<(item: CsvItem, out: RowItem[]) => void> {
  const utf8 = encoding === 'utf8'
  const parseDate = await patternParser(o.mapFile, o.tz)
  const seen = new SeenRefs()
  let header: string[] | undefined
  let map: ColumnMap
  let refColumn = 'ref'
  let ctx: RowContext
  const start = (h: string[], m: ColumnMap, out: RowItem[]) => {
    header = h
    map = m
    refColumn = header[map.ref![0]] ?? 'ref'
    ctx = {source: o.source, tz: o.mapFile?.timezone ?? o.tz, header, parseDate}
    out.push({kind: 'encoding', encoding, refColumn})
  }
  if (encoding === 'json') start(OPEN311_HEADER, OPEN311_MAP, first)

  return (item, out) => {
    if (item.kind === 'issue') {
      out.push({kind: 'reject', reject: {line: item.issue.line, field: null, reason: item.issue.reason, raw: item.issue.raw}})
      return
    }
    const record = item.record
    const {line, values} = record
    if (!header) {
      const names = values.map((h) => h.trim())
      const m = o.mapFile ? applyMapFile(names, o.mapFile, o.name) : recogniseHeaders(names)
      const missing = missingRequired(m)
      if (missing.length > 0 && looksLikeJson(o.name, names)) {
        throw new UsageError(`${o.name} looks like JSON, not CSV`, 'pass --format open311 for Open311 (GeoReport v2) service requests')
      }
      if (missing.length > 0) {
        throw new UsageError(
          `${o.name}: no column for ${missing.join(', ')} (header: ${names.join(', ')})`,
          'pass --map FILE naming the columns, e.g. {"fields": {"ref": "Unique Key", "postedAt": "Created Date", "title": "Complaint Type"}}',
        )
      }
      start(names, m, out)
      return
    }
    // Detection reads the start of the file: a GBK file whose first rows are ASCII decodes as UTF-8, and
    // its later Chinese rows would turn into U+FFFD. Reject such a row rather than store it mangled.
    if (utf8 && values.some((v) => v.includes('\uFFFD'))) {
      const reason = 'not valid UTF-8 (U+FFFD); if the file is GBK/GB18030, pass --encoding gb18030'
      out.push({kind: 'reject', reject: {line, field: null, reason, raw: recordText(record)}})
      return
    }
    let row: IncomingCase
    try {
      row = toIncoming(values, map, ctx)
    } catch (error) {
      if (!(error instanceof RowError)) throw error
      out.push({kind: 'reject', reject: {line, field: error.field, reason: error.message, raw: recordText(record)}})
      return
    }
    const hash = contentHash(row) & 0xffff
    const prior = seen.get(row.ref)
    if (prior === undefined) {
      seen.add(row.ref, line, hash)
      out.push({kind: 'row', line, row, record})
    } else if (prior.hash === hash) {
      out.push({kind: 'duplicate'})
    } else {
      const reason = `duplicate ref ${row.ref} in this file, first at line ${prior.line} with different content; the first is kept`
      out.push({kind: 'reject', reject: {line, field: refColumn, reason, raw: recordText(record)}})
    }
  }
}

/** A file read as CSV that is JSON: named so, or its first "header" opens an array or object. */
function looksLikeJson(name: string, header: string[]): boolean {
  return /\.(json|geojson)$/i.test(name) || /^\s*[[{]/.test(header[0] ?? '')
}

/** The record's text for the rejects file: as kept (Open311 JSON), else its values re-encoded as CSV. */
export function recordText(record: CsvRecord): string {
  return record.raw ?? rawLine(record.values)
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
