import type {Store, StoreCheck} from '../store.js'
import {SqlCases} from './cases.js'
import {SqlEvents} from './events.js'
import type {Executor} from './executor.js'
import {migrate, migrationStatus} from './migrate.js'
import {SqlSettings} from './settings.js'
import {SqlTables} from './tables.js'
import {SqlHandlers, SqlUnits} from './units.js'

/** The Store over any Executor; backends add their own checks and bulk paths by subclassing. */
export class SqlStore implements Store {
  readonly cases: SqlCases
  readonly events: SqlEvents
  readonly settings: SqlSettings
  readonly units: SqlUnits
  readonly handlers: SqlHandlers
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
    this.tables = new SqlTables(db)
  }

  /** A view of this store whose repositories run on tx; subclasses return their own type. */
  protected bind(tx: Executor): Store {
    return new SqlStore(this.backend, this.location, tx)
  }

  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(this.bind(tx)))
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
