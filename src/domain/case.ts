// The case as the rest of board sees it. Field names follow the glossary in DESIGN.md;
// this shape is also the --json contract of `board list` and `board show`.

export const CASE_STATUSES = ['new', 'triaged', 'assigned', 'replied', 'closed', 'waiting', 'reopened', 'rejected', 'merged'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_TYPES = ['suggestion', 'complaint', 'inquiry', 'help', 'other'] as const
export type CaseType = (typeof CASE_TYPES)[number]

/** Chinese names as the platform and the exports spell them. */
export const CASE_TYPE_ZH: Record<CaseType, string> = {
  suggestion: '建言',
  complaint: '投诉',
  inquiry: '咨询',
  help: '求助',
  other: '其他',
}

export const CASE_STATUS_ZH: Record<CaseStatus, string> = {
  new: '新留言',
  triaged: '已分拣',
  assigned: '已交办',
  replied: '已答复',
  closed: '已办结',
  waiting: '待补充',
  reopened: '重新办理',
  rejected: '不予受理',
  merged: '已并案',
}

export function parseCaseType(raw: string | undefined | null): CaseType | undefined {
  if (!raw) return undefined
  const v = raw.trim().toLowerCase()
  if ((CASE_TYPES as readonly string[]).includes(v)) return v as CaseType
  for (const [k, zh] of Object.entries(CASE_TYPE_ZH)) if (raw.includes(zh)) return k as CaseType
  if (/建议|建言/.test(raw)) return 'suggestion'
  return undefined
}

export interface CaseFlags {
  collective: boolean
  utility: boolean
  safety: boolean
  urgent: boolean
}

/** What the citizen wrote, as the export gives it. */
export interface CitizenMessage {
  title: string
  body: string
  author: string | null
  contact: string | null
  postedAt: string
  region: string | null
  addressee: string | null
  type: CaseType | null
  category: string | null
}

export interface Case extends CitizenMessage {
  id: number
  source: string
  ref: string
  flags: CaseFlags
  priority: number
  supervised: boolean
  status: CaseStatus
  unitId: number | null
  unit: string | null
  handlerId: number | null
  handler: string | null
  respondDueAt: string | null
  resolveDueAt: string | null
  respondedAt: string | null
  resolvedAt: string | null
  likes: number
  dislikes: number
  mergedInto: number | null
  version: number
  createdAt: string
  updatedAt: string
}

/** What an import row carries; everything else a case has is board's own state. */
export interface IncomingCase extends CitizenMessage {
  source: string
  ref: string
  /** null: the file has no such column, so the stored value stays. */
  likes: number | null
  dislikes: number | null
  reply: {body: string; sentAt: string | null} | null
  resolvedAt: string | null
  extra: Record<string, string> | null
  /** Urgency flags the file states (field urgency / 紧急程度); set on new cases only. */
  flags?: Partial<CaseFlags> | null
  /** Its importVersion, when the parse thread has worked it out already (off the writer's thread). */
  importVersion?: string
}

export interface CaseEvent {
  id: number
  caseId: number | null
  actor: string
  at: string
  action: string
  before: unknown
  after: unknown
}

export interface Reply {
  id: number
  caseId: number
  body: string
  status: 'draft' | 'approved' | 'sent' | 'failed'
  author: string
  createdAt: string
  sentAt: string | null
  channel: string | null
}
