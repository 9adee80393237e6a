import type {Readable} from 'node:stream'

import type {ColumnMap} from './fields.js'
import type {CsvItem} from './csv-item.js'

// GeoReport v2 service requests (an array of objects) become records with a fixed header, so they
// pass through the same row checks, identity rules and rejects as CSV.
export const OPEN311_HEADER = [
  'service_request_id', 'service_name', 'description', 'requested_datetime', 'address', 'agency_responsible',
  'status', 'status_notes', 'updated_datetime', 'service_code',
]

export const OPEN311_MAP: ColumnMap = {
  ref: [0], title: [1], body: [2], postedAt: [3], region: [4], addressee: [5], category: [1],
  reply: [7], repliedAt: [8], resolvedAt: [8],
}

export async function* open311Records(stream: Readable): AsyncGenerator<CsvItem> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c))
  let data: unknown
  try {
    data = JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    yield {kind: 'issue', issue: {line: 0, reason: `not valid JSON: ${(error as Error).message}`, raw: ''}}
    return
  }
  const list = Array.isArray(data) ? data : (data as {service_requests?: unknown[]})?.service_requests
  if (!Array.isArray(list)) {
    yield {kind: 'issue', issue: {line: 0, reason: 'expected a JSON array of service requests', raw: ''}}
    return
  }
  let n = 0
  for (const item of list) {
    n++
    if (!item || typeof item !== 'object') {
      yield {kind: 'issue', issue: {line: n, reason: 'service request is not an object', raw: JSON.stringify(item)}}
      continue
    }
    const o = item as Record<string, unknown>
    const closed = String(o.status ?? '').toLowerCase() === 'closed'
    const values = OPEN311_HEADER.map((k) => (o[k] === undefined || o[k] === null ? '' : String(o[k])))
    // A closed request's notes are the answer; its update time is when it was resolved.
    if (!closed) values[7] = values[8] = ''
    yield {kind: 'record', record: {line: n, values, raw: JSON.stringify(item)}}
  }
}
