import type {Case, CaseStatus, IncomingCase, Reply} from '../domain/case.js'
/** Search results newest first, or most relevant first (sql/case-search.ts). */
export type SearchOrder = 'time' | 'relevance'

export interface CaseFilter {
  ids?: number[]
  status?: CaseStatus[]
  category?: string
  unit?: string
  handler?: string
  source?: string
  since?: string
  until?: string
  /** A substring of title or body, or an exact ref. */
  search?: string
  /** Cases merged (并案) into this one. */
  mergedInto?: number
  /** With search: newest first (the default) or most relevant first (sql/case-search.ts). */
  order?: SearchOrder
  limit?: number
  offset?: number
  /**
   * Keyset paging in list order (newest first): only cases after this one, which is as fast on the
   * last page as on the first (an offset reads every row it skips).
   */
  after?: {postedAt: string; id: number}
}

/** The fields of a case that listValues can read. */
export type CaseValueColumn = 'id' | 'source' | 'ref' | 'postedAt' | 'title' | 'body' | 'author' | 'contact' | 'region' | 'addressee' | 'type' | 'category' |
  'status' | 'unit' | 'handler' | 'respondDueAt' | 'resolveDueAt' | 'respondedAt' | 'resolvedAt' | 'likes' | 'dislikes'

export type ImportOutcome =
  | {kind: 'inserted'; id: number}
  | {kind: 'updated'; id: number; changed: string[]}
  | {kind: 'unchanged'; id: number}
  /** hidden: the ref is taken by a case this role cannot see (id 0; nothing of it is told). */
  | {kind: 'conflict'; id: number; hidden?: true}

/**
 * A new case's handling times in working days (calendar days follow from its instants in SQL),
 * counted on one basis (zone and holiday calendar). Given to importBatch, new cases are stored
 * with all four durations, as statistics would fill them, as long as the store's basis is still
 * this one when the batch is written; otherwise they are left for statistics to fill.
 */
export interface ImportTiming {
  basis: string
  workingDays(row: IncomingCase): {respondWorkingDays: number | null; resolveWorkingDays: number | null}
}

export interface ImportOpts {
  actor: string
  now: Date
  dryRun?: boolean
  timing?: ImportTiming
  /**
   * No other import writes this store meanwhile (the import holds the store's import lock, see
   * Store.bulkLoad): a backend may then insert new cases without guarding against a concurrent
   * insert of the same refs.
   */
  exclusive?: boolean
  /**
   * No row of the batch is stored yet: its source had no case when this import began, holding the
   * import lock (exclusive), and the import's rows so far have distinct refs (its first file). A
   * backend may then insert them without looking them up first.
   */
  newRefs?: boolean
  /**
   * Where no import lock keeps newRefs so (SQLite): the store's writeMark when the import found its
   * source new. A batch still looks its refs up once another connection has written since.
   */
  newRefsSince?: number
}

export type ExportCsvFilter = Pick<CaseFilter, 'since' | 'until' | 'unit' | 'category'>

export interface ExportCsvOpts {
  masked: boolean
  maskedCell: (value: string) => string
  /** rows a fetch, where rows are fetched */
  size: number
}

export interface CaseRepository {
  get(id: number): Promise<Case | undefined>
  getByRef(source: string, ref: string): Promise<Case | undefined>
  list(filter: CaseFilter): Promise<Case[]>
  /**
   * What list() returns, in the same order, a page at a time: each page starts after the last row
   * of the one before (keyset), so memory stays flat and later pages cost no more than the first.
   */
  pages(filter: CaseFilter, pageSize?: number): AsyncIterable<Case[]>
  count(filter: CaseFilter): Promise<number>
  /** Whether any case (that this role sees) comes from source: one index probe, however many it has. */
  hasSource(source: string): Promise<boolean>
  /**
   * A number that changes whenever another connection commits a change to the store (SQLite's
   * data_version); null where the backend cannot tell.
   */
  writeMark(): Promise<number | null>
  /**
   * list() as rows of values in `columns` order, read through once, `size` rows at a time (see
   * Executor.eachValues), for reading many cases (an export): no object a case. Timestamps are ISO
   * text, counts numbers, as in a Case. onBatch returning false stops.
   */
  eachValues(filter: CaseFilter, columns: readonly CaseValueColumn[], size: number, onBatch: (rows: unknown[][]) => Promise<boolean | void>): Promise<void>
  /**
   * The text of a CSV export of these cases, without its header: the lines csvValueLines
   * (src/export/case-export.ts) makes of eachValues(filter, CSV_COLUMNS), made by the database
   * itself. Absent on stores where formatting the values is as quick. With `masked`, the title,
   * body and author that may hold personal data are handed to maskedCell for the CSV cell.
   * onText returning false stops. Returns how many cases were written.
   */
  exportCsv?(filter: ExportCsvFilter, opts: ExportCsvOpts, onText: (text: string) => Promise<boolean | void>): Promise<number>
  replies(caseId: number): Promise<Reply[]>
  /** The latest sent reply of each of these cases that has one (the one the citizen last got). */
  publishedReplies(caseIds: number[]): Promise<Map<number, {body: string; sentAt: string | null}>>
  /**
   * Inserts or updates one batch of imported rows in one transaction, recording an event for each
   * change; refs must be distinct within a batch. With dryRun nothing is written.
   */
  importBatch(rows: IncomingCase[], opts: ImportOpts): Promise<ImportOutcome[]>
  /**
   * Changes a case and appends one audit event (before/after of the changed fields) in one
   * transaction; bumps version. Throws NotFoundError, or ConflictError when expectedVersion is stale.
   * Returns the case as stored afterwards.
   */
  change(id: number, patch: CasePatch, opts: ChangeOpts): Promise<Case>
  /**
   * Atomically leases up to `limit` unclaimed (or lease-expired) cases matching filter, oldest
   * first, to `worker` until now + leaseSeconds. Two concurrent claimers never get the same case
   * (SKIP LOCKED on PostgreSQL; the single writer lock on SQLite). A worker's own live leases are
   * returned first, so a clerk resumes where they left off.
   */
  claim(filter: CaseFilter, opts: {worker: string; now: Date; leaseSeconds: number; limit: number}): Promise<Case[]>
  /**
   * Cases whose text is like this title and body, through the search index: those sharing the most
   * of its distinctive character pairs, most first, at most opts.limit; without the case
   * opts.excludeId. Candidates only: the caller judges how alike they are.
   */
  similar(text: {title: string; body: string}, opts: {limit: number; excludeId?: number}): Promise<Case[]>
  /** Ends a lease (after a decision, a skip or quit); only the holder's lease is released. */
  release(id: number, worker: string): Promise<void>
}

/** Columns board itself changes on a case (import changes the citizen's fields). */
export interface CasePatch {
  title?: string
  body?: string
  type?: string | null
  category?: string | null
  region?: string | null
  collective?: boolean
  utility?: boolean
  safety?: boolean
  urgent?: boolean
  priority?: number
  supervised?: boolean
  status?: string
  unitId?: number | null
  handlerId?: number | null
  respondDueAt?: string | null
  resolveDueAt?: string | null
  respondedAt?: string | null
  resolvedAt?: string | null
  mergedInto?: number | null
}

export interface ChangeOpts {
  actor: string
  now: Date
  /** The audit action, e.g. "triage", "assign", "transfer". */
  action: string
  /** The version the caller read; a different stored version is a ConflictError. */
  expectedVersion?: number
  /** Extra facts for the event (a reason, a note); stored under "note" in after. */
  note?: Record<string, unknown>
}
