import type {CaseEvent} from '../domain/case.js'

export interface NewEvent {
  caseId: number | null
  actor: string
  at: Date
  action: string
  before?: unknown
  after?: unknown
}

export interface EventRepository {
  append(event: NewEvent): Promise<void>
  forCase(caseId: number): Promise<CaseEvent[]>
  recent(opts: {limit: number; action?: string}): Promise<CaseEvent[]>
}
