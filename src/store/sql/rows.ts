import type {Case, CaseEvent, CaseStatus, CaseType, Reply} from '../../domain/case.js'

// The one place rows become domain objects: SQLite gives 0/1 and text, PostgreSQL may give
// strings for bigints; both become the same JSON-ready shape here.

export const CASE_COLUMNS = `c.id, c.source, c.ref, c.title, c.body, c.author, c.contact, c.posted_at, c.region,
  c.addressee, c.type, c.category, c.collective, c.utility, c.safety, c.urgent, c.priority, c.supervised,
  c.status, c.unit_id, u.name AS unit_name, c.handler_id, h.name AS handler_name, c.respond_due_at,
  c.resolve_due_at, c.responded_at, c.resolved_at, c.likes, c.dislikes, c.merged_into, c.version,
  c.created_at, c.updated_at`

export const CASE_FROM = 'cases c LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN handlers h ON h.id = c.handler_id'

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v))
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v))
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const bool = (v: unknown): boolean => v === true || num(v) === 1

export function toCase(r: Record<string, unknown>): Case {
  return {
    id: num(r.id),
    source: String(r.source),
    ref: String(r.ref),
    title: String(r.title ?? ''),
    body: String(r.body ?? ''),
    author: str(r.author),
    contact: str(r.contact),
    postedAt: String(r.posted_at),
    region: str(r.region),
    addressee: str(r.addressee),
    type: str(r.type) as CaseType | null,
    category: str(r.category),
    flags: {collective: bool(r.collective), utility: bool(r.utility), safety: bool(r.safety), urgent: bool(r.urgent)},
    priority: num(r.priority),
    supervised: bool(r.supervised),
    status: String(r.status) as CaseStatus,
    unitId: numOrNull(r.unit_id),
    unit: str(r.unit_name),
    handlerId: numOrNull(r.handler_id),
    handler: str(r.handler_name),
    respondDueAt: str(r.respond_due_at),
    resolveDueAt: str(r.resolve_due_at),
    respondedAt: str(r.responded_at),
    resolvedAt: str(r.resolved_at),
    likes: num(r.likes),
    dislikes: num(r.dislikes),
    mergedInto: numOrNull(r.merged_into),
    version: num(r.version),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  }
}

export function toEvent(r: Record<string, unknown>): CaseEvent {
  return {
    id: num(r.id),
    caseId: numOrNull(r.case_id),
    actor: String(r.actor),
    at: String(r.at),
    action: String(r.action),
    before: parseJson(r.before),
    after: parseJson(r.after),
  }
}

export function toReply(r: Record<string, unknown>): Reply {
  return {
    id: num(r.id),
    caseId: num(r.case_id),
    body: String(r.body),
    status: String(r.status) as Reply['status'],
    author: String(r.author),
    createdAt: String(r.created_at),
    sentAt: str(r.sent_at),
    channel: str(r.channel),
  }
}

export function parseJson(v: unknown): unknown {
  if (v === null || v === undefined) return null
  if (typeof v !== 'string') return v
  try {
    return JSON.parse(v)
  } catch {
    return v
  }
}

/** A stored timestamp (UTC ISO text from both executors) as epoch ms. */
export const instant = (v: unknown): number | null => (v === null || v === undefined ? null : Date.parse(String(v)))

export const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v))
