import {tzOffset} from '@date-fns/tz'
import {stringify} from 'csv-stringify/sync'

import type {Case} from '../domain/case.js'
import {redact} from '../domain/redact.js'
import {safeCell} from './csv-cell.js'

// How one case leaves board: as a CSV row, a JSON object or an Open311 service request.

export type ExportFormat = 'csv' | 'json' | 'open311'

/** A case with its citizen text (and the reply, which often quotes it) masked. */
export function redactCase(c: Case): Case {
  return {...c, title: redact(c.title)!, body: redact(c.body)!, author: redact(c.author), contact: c.contact === null ? null : '***'}
}

export const CSV_COLUMNS = [
  'id', 'source', 'ref', 'postedAt', 'title', 'body', 'author', 'contact', 'region', 'addressee', 'type', 'category',
  'status', 'unit', 'handler', 'respondDueAt', 'resolveDueAt', 'respondedAt', 'resolvedAt', 'likes', 'dislikes',
] as const

export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]])
}

const REDACTED = new Set<string>(['title', 'body', 'author'])
const CONTACT = CSV_COLUMNS.indexOf('contact')
const NEEDS_QUOTES = /[",\r\n]/

/**
 * Rows of listValues(CSV_COLUMNS) as CSV lines, personal data masked as redactCase masks it. The
 * same text csv-stringify writes (RFC 4180 quoting where a cell needs it), cell by cell: an export
 * of many cases spent a third of its time in csv-stringify's general record machinery.
 */
export function csvValueLines(rows: unknown[][], masked: boolean): string {
  const mask = CSV_COLUMNS.map((k) => masked && REDACTED.has(k))
  let out = ''
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      let v = row[i] as string | number | null
      if (i > 0) out += ','
      if (v === null || v === undefined) continue
      if (typeof v !== 'string') {
        out += String(v)
        continue
      }
      if (mask[i]) v = redact(v)!
      else if (masked && i === CONTACT) v = '***'
      out += csvCell(v)
    }
    out += '\n'
  }
  return out
}

/** One text value as csvValueLines writes it: formulas neutralised, quoted where it needs quotes. */
export function csvCell(value: string): string {
  const cell = safeCell(value)
  return NEEDS_QUOTES.test(cell) ? '"' + cell.replaceAll('"', '""') + '"' : cell
}

/** A title, body or author of a redacted export as csvValueLines writes it. */
export function maskedCsvCell(value: string): string {
  return csvCell(redact(value)!)
}

/** W3C datetime with the zone's offset, as GeoReport v2 writes it: 2019-04-24T15:40:04+08:00. */
export function w3cTime(iso: string | null, tz: string): string | null {
  if (!iso) return null
  const at = new Date(iso)
  const off = tzOffset(tz, at)
  const local = new Date(at.getTime() + off * 60_000).toISOString().slice(0, 19)
  const sign = off < 0 ? '-' : '+'
  const abs = Math.abs(off)
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

export interface ServiceRequest {
  service_request_id: string
  status: 'open' | 'closed'
  /** the latest reply published to the citizen */
  status_notes: string | null
  /** the category (null when the case has none) */
  service_name: string | null
  service_code: string | null
  /** the citizen's text: the title, a blank line, then the body (see describe) */
  description: string
  agency_responsible: string | null
  service_notice: string | null
  requested_datetime: string
  /** the last change: for a closed request, when it was closed */
  updated_datetime: string
  /** when the case is due to be resolved (the SLA resolve deadline) */
  expected_datetime: string | null
  address: string | null
  address_id: string | null
  zipcode: string | null
  lat: number | null
  long: number | null
  media_url: string | null
  /**
   * What GeoReport v2 has no field for, under the extension key that Open311 servers use for
   * theirs (Chicago's, for one). Importing board's own export reads the case back from it.
   */
  extended_attributes: BoardAttributes
}

export interface BoardAttributes {
  title: string
  /** board's own status (new, triaged, …, replied, closed) */
  board_status: string
  type: string | null
  addressee: string | null
  replied_datetime: string | null
  resolved_datetime: string | null
}

/** Statuses in which the citizen has the answer: GeoReport's "closed" (it has been resolved). */
const ANSWERED = new Set(['replied', 'closed', 'rejected', 'merged'])

/** The published reply a request carries as status_notes. */
export interface PublishedReply {
  body: string
  sentAt: string | null
}

/**
 * The citizen's text as one GeoReport description: the title, a blank line, the body. A body that
 * already starts with its title (many exports repeat it) is given as it is.
 */
export function describe(title: string, body: string): string {
  if (title === '') return body
  if (body === '') return title
  return body.startsWith(title) ? body : `${title}\n\n${body}`
}

/** The latest of the times a case changed: postedAt, a reply, resolution, or a change in board. */
function lastChange(c: Case): string {
  const times = [c.postedAt, c.respondedAt, c.resolvedAt]
  // A case untouched since its import was last changed at the source, not when board read it.
  if (c.updatedAt !== c.createdAt) times.push(c.updatedAt)
  let latest = c.postedAt
  for (const t of times) if (t && Date.parse(t) > Date.parse(latest)) latest = t
  return latest
}

/** GeoReport v2 service request, with board's own facts in extended_attributes. */
export function toServiceRequest(c: Case, reply: PublishedReply | null, tz: string): ServiceRequest {
  const closed = ANSWERED.has(c.status) || c.resolvedAt !== null
  const repliedAt = reply?.sentAt ?? c.respondedAt
  return {
    service_request_id: c.ref,
    status: closed ? 'closed' : 'open',
    status_notes: reply?.body ?? null,
    service_name: c.category,
    service_code: c.category,
    description: describe(c.title, c.body),
    agency_responsible: c.unit ?? c.addressee,
    service_notice: null,
    requested_datetime: w3cTime(c.postedAt, tz)!,
    updated_datetime: w3cTime(closed ? (c.resolvedAt ?? c.respondedAt ?? lastChange(c)) : lastChange(c), tz)!,
    expected_datetime: w3cTime(c.resolveDueAt, tz),
    address: c.region,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
    extended_attributes: {
      title: c.title,
      board_status: c.status,
      type: c.type,
      addressee: c.addressee,
      replied_datetime: reply || c.respondedAt ? w3cTime(repliedAt, tz) : null,
      resolved_datetime: w3cTime(c.resolvedAt, tz),
    },
  }
}
