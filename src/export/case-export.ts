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

export function csvRows(cases: Case[]): string {
  return stringify(cases.map((c) => CSV_COLUMNS.map((k) => safeCell(c[k] as string | number | null))))
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
  status_notes: string | null
  service_name: string
  service_code: string | null
  description: string
  agency_responsible: string | null
  service_notice: string | null
  requested_datetime: string
  updated_datetime: string | null
  /** when the case is due to be resolved (the SLA resolve deadline) */
  expected_datetime: string | null
  address: string | null
  address_id: string | null
  zipcode: string | null
  lat: number | null
  long: number | null
  media_url: string | null
}

const CLOSED = new Set(['closed', 'rejected', 'merged'])

/** GeoReport v2 service request; `reply` is the answer sent to the citizen (notes of a closed request). */
export function toServiceRequest(c: Case, reply: string | null, tz: string): ServiceRequest {
  const closed = CLOSED.has(c.status) || c.resolvedAt !== null
  return {
    service_request_id: c.ref,
    status: closed ? 'closed' : 'open',
    status_notes: closed ? reply : null,
    service_name: c.category ?? c.title,
    service_code: c.category,
    description: c.body,
    agency_responsible: c.unit ?? c.addressee,
    service_notice: null,
    requested_datetime: w3cTime(c.postedAt, tz)!,
    updated_datetime: w3cTime(c.resolvedAt ?? c.respondedAt ?? c.updatedAt, tz),
    expected_datetime: w3cTime(c.resolveDueAt, tz),
    address: c.region,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  }
}
