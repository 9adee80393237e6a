import type {ColumnMap} from '../check/fields.js'
import type {CsvItem} from './csv-item.js'
import {jsonErrorAt, lineAndColumn} from './json-position.js'
import {RAW_CHARS} from './csv-reader.js'
import {type JsonElement, jsonArrayElements, MAX_ELEMENT_CHARS} from './json-elements.js'
import type {RecordSource} from './records.js'

// GeoReport v2 service requests (an array of objects) become records with a fixed header, so they
// pass through the same row checks, identity rules, rejects and batched writer as CSV. The array
// is read element by element as it streams in, so memory stays flat however long the file.

/** The record's columns; names as the request spells them, for messages that quote a field. */
export const OPEN311_HEADER = [
  'service_request_id', 'service_name', 'extended_attributes.title', 'description', 'requested_datetime', 'address',
  'agency_responsible', 'status_notes', 'extended_attributes.replied_datetime', 'extended_attributes.resolved_datetime',
  'extended_attributes.type',
]

export const OPEN311_MAP: ColumnMap = {
  ref: [0], category: [1], title: [2], body: [3], postedAt: [4], region: [5], addressee: [6],
  reply: [7], repliedAt: [8], resolvedAt: [9], type: [10],
}

/** An Open311 file as a record source (records.ts), in batches of what each chunk completed. */
export function open311Source(stream: AsyncIterable<Buffer | string>): RecordSource {
  return {encoding: 'json', batches: open311Batches(stream)}
}

async function* open311Batches(stream: AsyncIterable<Buffer | string>): AsyncGenerator<CsvItem[]> {
  let n = 0
  for await (const elements of jsonArrayElements(stream)) {
    const items: CsvItem[] = []
    for (const e of elements) {
      if (e.kind === 'error') {
        items.push({kind: 'issue', issue: {line: e.line, reason: e.reason, raw: e.raw}})
        continue
      }
      n++
      if (e.kind === 'oversize') {
        const reason = `request ${n} is over ${MAX_ELEMENT_CHARS.toLocaleString('en')} characters (${e.chars.toLocaleString('en')}), not imported (raw: its first ${RAW_CHARS.toLocaleString('en')} characters); the import went on with the next request`
        items.push({kind: 'issue', issue: {line: e.line, reason, raw: e.head}})
        continue
      }
      items.push(toItem(e, n))
    }
    yield items
  }
}

function toItem(e: Extract<JsonElement, {kind: 'element'}>, n: number): CsvItem {
  let item: unknown
  try {
    item = JSON.parse(e.text)
  } catch {
    const at = e.offset + jsonErrorAt(e.text).offset
    const {line, column} = lineAndColumn(e, at)
    const reason = `not valid JSON at line ${line}, column ${column}: ${jsonErrorAt(e.text).reason} (request ${n}; the import goes on with the next)`
    return {kind: 'issue', issue: {line, reason, raw: e.text}}
  }
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    return {kind: 'issue', issue: {line: n, reason: 'service request is not an object', raw: e.text}}
  }
  return {kind: 'record', record: {line: n, values: requestValues(item as Record<string, unknown>), raw: e.text}}
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))

/**
 * One request's values in OPEN311_HEADER order. board's own export carries the title and its own
 * times in extended_attributes, and the title heads the description (case-export.ts describe()).
 * Another server's requests have no title: the service name stands for it, and only a closed
 * request's notes are taken as its answer (an open one's are progress notes).
 */
export function requestValues(o: Record<string, unknown>): string[] {
  const ext = o.extended_attributes && typeof o.extended_attributes === 'object' ? (o.extended_attributes as Record<string, unknown>) : {}
  const ours = typeof ext.title === 'string'
  const category = text(o.service_name) || text(o.service_code)
  const description = text(o.description)
  const title = ours ? (ext.title as string) : category
  const closed = text(o.status).toLowerCase() === 'closed'
  return [
    text(o.service_request_id),
    category,
    title,
    ours ? bodyOf(description, title) : description,
    text(o.requested_datetime),
    text(o.address),
    ours && typeof ext.addressee === 'string' ? ext.addressee : text(o.agency_responsible),
    ours || closed ? text(o.status_notes) : '',
    ours ? text(ext.replied_datetime) : closed ? text(o.updated_datetime) : '',
    ours ? text(ext.resolved_datetime) : closed ? text(o.updated_datetime) : '',
    ours ? text(ext.type) : '',
  ]
}

/** The body, given the description board wrote for it (its title, a blank line, the body). */
function bodyOf(description: string, title: string): string {
  if (title === '') return description
  if (description === title) return ''
  return description.startsWith(title + '\n\n') ? description.slice(title.length + 2) : description
}
