import type {SearchCatchUp, SearchCatchUpResult, Store, StoreCheck} from '../store.js'
import {SqlCases} from './cases/import.js'
import {SqlClassifier} from './classifier.js'
import {SqlEvents} from './events.js'
import type {Executor} from './executor.js'
import {migrate, migrationStatus} from './migrate.js'
import {SqlRatings} from './ratings.js'
import {SqlReplies} from './replies.js'
import {SqlSettings} from './settings.js'
import {SqlStats} from './stats/aggregate.js'
import {SqlSla} from './sla.js'
import {SqlTemplates} from './templates.js'
import {SqlTables} from './tables.js'
import {SqlHandlers, SqlUnits} from './units.js'

/**
 * The Store over any Executor; backends add their own checks and bulk paths by subclassing. What
 * only a backend can answer (its search queue, its transaction's view) is abstract: a default here
 * would answer for a backend it knows nothing of.
 */
export abstract class SqlStore implements Store {
  readonly cases: SqlCases
  readonly events: SqlEvents
  readonly settings: SqlSettings
  readonly units: SqlUnits
  readonly handlers: SqlHandlers
  readonly stats: SqlStats
  readonly sla: SqlSla
  readonly templates: SqlTemplates
  readonly replies: SqlReplies
  readonly ratings: SqlRatings
  readonly classifier: SqlClassifier
  readonly tables: SqlTables

  constructor(
    readonly backend: 'sqlite' | 'postgres',
    readonly location: string,
    protected readonly db: Executor,
  ) {
    this.cases = new SqlCases(db)
    this.events = new SqlEvents(db)
    this.settings = new SqlSettings(db)
    this.units = new SqlUnits(db)
    this.handlers = new SqlHandlers(db)
    this.stats = new SqlStats(db)
    this.sla = new SqlSla(db)
    this.templates = new SqlTemplates(db)
    this.replies = new SqlReplies(db)
    this.ratings = new SqlRatings(db)
    this.classifier = new SqlClassifier(db)
    this.tables = new SqlTables(db)
  }

  /** A view of this store whose repositories run on tx: the backend's own, so it answers as the store does. */
  protected abstract bind(tx: Executor): Store

  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(this.bind(tx)))
  }

  async bulkLoad(_expectedRows: number): Promise<() => Promise<void>> {
    return async () => {}
  }

  abstract searchWaiting(): Promise<number>

  abstract catchUpSearch(opts: SearchCatchUp): Promise<SearchCatchUpResult>

  async parallelWriters(_n: number): Promise<Store[]> {
    return []
  }

  migrate(now: Date) {
    return migrate(this.db, now)
  }

  migrationStatus() {
    return migrationStatus(this.db)
  }

  async check(): Promise<StoreCheck[]> {
    return []
  }

  currentUser() {
    return this.db.currentUser()
  }

  close() {
    return this.db.close()
  }
}
