import type {Readable} from 'node:stream'

import type {IncomingCase} from '../domain/case.js'
import {UsageError} from '../errors.js'
import type {Encoding} from './encoding.js'
import {applyMapFile, type ColumnMap, type MapFile, missingRequired, recogniseHeaders} from './fields.js'
import {OPEN311_HEADER, OPEN311_MAP, open311Records} from './open311.js'
import {type CsvItem, type CsvRecord, csvRecords, sniffEncoding} from './records.js'
import {rawLine, type Reject} from './rejects.js'
import {contentHash, RowError, toIncoming} from './row.js'
import {SeenRefs} from './seen-refs.js'

// Everything about one file that needs no store: decoding, parsing, the header, row checks and
// repeats inside the file. Pure and sequential, so it can run in a worker thread beside the writer.

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
  /** record: kept for a reject the store may still decide on (see recordText). */
  | {kind: 'row'; line: number; row: IncomingCase; record: CsvRecord}
  | {kind: 'reject'; reject: Omit<Reject, 'file'>}
  /** A row repeated verbatim inside the file: counted once, not rejected. */
  | {kind: 'duplicate'}

export async function* rowStream(input: Readable, o: RowStreamOptions): AsyncGenerator<RowItem> {
  let items: AsyncGenerator<CsvItem>
  let header: string[]
  let utf8 = false
  let map: ColumnMap
  if (o.format === 'open311') {
    items = open311Records(input)
    header = OPEN311_HEADER
    map = OPEN311_MAP
    yield {kind: 'encoding', encoding: 'json', refColumn: header[0]}
  } else {
    const sniffed = await sniffEncoding(input, o.encoding)
    items = csvRecords(sniffed.stream, sniffed.encoding)
    utf8 = sniffed.encoding === 'utf8'
    let first: string[] | undefined
    // next() by hand: leaving a for-await early would close the generator.
    for (;;) {
      const {done, value: item} = await items.next()
      if (done) break
      if (item.kind === 'record') {
        first = item.record.values
        break
      }
      yield {kind: 'reject', reject: {line: item.issue.line, field: null, reason: item.issue.reason, raw: item.issue.raw}}
    }
    if (!first) return
    header = first.map((h) => h.trim())
    map = o.mapFile ? applyMapFile(header, o.mapFile, o.name) : recogniseHeaders(header)
    const missing = missingRequired(map)
    if (missing.length > 0) {
      throw new UsageError(
        `${o.name}: no column for ${missing.join(', ')} (header: ${header.join(', ')})`,
        'pass --map FILE naming the columns, e.g. {"fields": {"ref": "Unique Key", "postedAt": "Created Date", "title": "Complaint Type"}}',
      )
    }
    yield {kind: 'encoding', encoding: sniffed.encoding, refColumn: header[map.ref![0]] ?? 'ref'}
  }

  const refColumn = header[map.ref![0]] ?? 'ref'
  const ctx = {source: o.source, tz: o.mapFile?.timezone ?? o.tz, header, parseDate: await patternParser(o.mapFile, o.tz)}
  const seen = new SeenRefs()
  for await (const item of items) {
    if (item.kind === 'issue') {
      yield {kind: 'reject', reject: {line: item.issue.line, field: null, reason: item.issue.reason, raw: item.issue.raw}}
      continue
    }
    const record = item.record
    const {line, values} = record
    // Detection reads the start of the file: a GBK file whose first rows are ASCII decodes as UTF-8, and
    // its later Chinese rows would turn into U+FFFD. Reject such a row rather than store it mangled.
    if (utf8 && values.some((v) => v.includes('\uFFFD'))) {
      const reason = 'not valid UTF-8 (U+FFFD); if the file is GBK/GB18030, pass --encoding gb18030'
      yield {kind: 'reject', reject: {line, field: null, reason, raw: recordText(record)}}
      continue
    }
    let row: IncomingCase
    try {
      row = toIncoming(values, map, ctx)
    } catch (error) {
      if (!(error instanceof RowError)) throw error
      yield {kind: 'reject', reject: {line, field: error.field, reason: error.message, raw: recordText(record)}}
      continue
    }
    const hash = contentHash(row) & 0xffff
    const prior = seen.get(row.ref)
    if (prior === undefined) {
      seen.add(row.ref, line, hash)
      yield {kind: 'row', line, row, record}
    } else if (prior.hash === hash) {
      yield {kind: 'duplicate'}
    } else {
      const reason = `duplicate ref ${row.ref} in this file, first at line ${prior.line} with different content; the first is kept`
      yield {kind: 'reject', reject: {line, field: refColumn, reason, raw: recordText(record)}}
    }
  }
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
