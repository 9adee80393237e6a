import type {Case, CaseStatus, IncomingCase, Reply} from '../domain/case.js'

export interface CaseFilter {
  ids?: number[]
  status?: CaseStatus[]
  category?: string
  unit?: string
  handler?: string
  source?: string
  since?: string
  until?: string
  search?: string
  limit?: number
  offset?: number
}

export type ImportOutcome =
  | {kind: 'inserted'; id: number}
  | {kind: 'updated'; id: number; changed: string[]}
  | {kind: 'unchanged'; id: number}
  | {kind: 'conflict'; id: number}

export interface CaseRepository {
  get(id: number): Promise<Case | undefined>
  getByRef(source: string, ref: string): Promise<Case | undefined>
  list(filter: CaseFilter): Promise<Case[]>
  count(filter: CaseFilter): Promise<number>
  replies(caseId: number): Promise<Reply[]>
  /**
   * Inserts or updates one batch of imported rows in one transaction, recording an event for each
   * change; refs must be distinct within a batch. With dryRun nothing is written.
   */
  importBatch(rows: IncomingCase[], opts: {actor: string; now: Date; dryRun?: boolean}): Promise<ImportOutcome[]>
}
