import type {AccessControl} from './access.js'
import type {CaseRepository} from './cases.js'
import type {ClassifierRepository} from './classifier.js'
import type {EventRepository} from './events.js'
import type {RatingRepository, ReplyRepository, TemplateRepository} from './replies.js'
import type {SettingsRepository} from './settings.js'
import type {StatsRepository} from './stats.js'
import type {SlaRepository} from './sla.js'
import type {TableRepository} from './tables.js'
import type {HandlerRepository, UnitRepository} from './units.js'
import type {MigrationStatus} from './sql/migrate.js'

export interface StoreCheck {
  name: string
  ok: boolean
  detail: string
}

/**
 * Everything board keeps. Commands and services see only this; which backend sits behind it is
 * decided once, by openStore().
 */
export interface SearchCatchUp {
  /** Cases a transaction: a clerk's write waits for one batch at most. */
  batch: number
  /** After each batch, with the number indexed so far; false stops there. */
  onBatch?: (indexed: number) => boolean | Promise<boolean>
}

export interface SearchCatchUpResult {
  indexed: number
  /** Another process is catching the index up; this one did nothing. */
  busy: boolean
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres'
  /** Where the store is, safe to print (no password). */
  readonly location: string
  readonly cases: CaseRepository
  readonly events: EventRepository
  readonly settings: SettingsRepository
  readonly units: UnitRepository
  readonly handlers: HandlerRepository
  readonly stats: StatsRepository
  readonly sla: SlaRepository
  readonly templates: TemplateRepository
  readonly replies: ReplyRepository
  readonly ratings: RatingRepository
  /** Category classifier models; the newest is in use. */
  readonly classifier: ClassifierRepository
  /** Whole tables as value lists, for moving a store between backends. */
  readonly tables: TableRepository
  /** Database-enforced unit scoping; only backends with roles (PostgreSQL) have it. */
  readonly access?: AccessControl
  /**
   * Readies the store for about expectedRows new cases (a large import) and returns what ends that
   * mode. Backends with nothing to gain do nothing. On PostgreSQL, from one expected row on, no
   * other bulk load writes the store until it ends (ImportOpts.exclusive).
   */
  bulkLoad(expectedRows: number): Promise<() => Promise<void>>
  /**
   * Up to n more connections to the same store, for a large import to write batches on side by
   * side (each in its own transactions); the caller closes them. None where writes cannot run side
   * by side (SQLite has one writer).
   */
  parallelWriters(n: number): Promise<Store[]>
  /** Cases stored but not yet in the search index; every search reads them as candidates meanwhile. */
  searchWaiting(): Promise<number>
  /** Indexes the waiting cases for search, oldest first, a batch a transaction; one process at a time. */
  catchUpSearch(opts: SearchCatchUp): Promise<SearchCatchUpResult>
  /** Runs fn with repositories bound to one transaction. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>
  /** Applies pending migrations; readOnly skips maintenance beyond them (rebuilding left-out indexes). */
  migrate(now: Date, opts?: {readOnly?: boolean}): Promise<MigrationStatus>
  migrationStatus(): Promise<MigrationStatus>
  /** Backend health: integrity, reachability; doctor prints these. */
  check(): Promise<StoreCheck[]>
  /** The database user acting, when the backend knows one (PostgreSQL). */
  currentUser(): Promise<string | null>
  close(): Promise<void>
}
