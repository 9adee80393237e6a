import type {SearchCatchUp, Store, StoreCheck} from '../store.js'
import type {Executor} from '../sql/executor.js'
import {SqlStore} from '../sql/sql-store.js'
import {deferIndexes, deferredIndexNames, restoreIndexes} from './deferred-indexes.js'
import {SqliteExecutor} from './executor.js'
import {catchUp, waiting} from './search-queue.js'

export class SqliteStore extends SqlStore {
  constructor(location: string, private readonly sqlite: SqliteExecutor) {
    super('sqlite', location, sqlite)
  }

  static open(path: string, opts: {mustExist?: boolean} = {}): SqliteStore {
    return new SqliteStore(path, SqliteExecutor.open(path, opts))
  }

  /** The file is opened for reading only (this user may not write it). */
  get readOnly(): boolean {
    return this.sqlite.raw().readonly
  }

  // A transaction's executor is this connection joined to the open transaction (joinedExecutor):
  // the bound view keeps SQLite's own paths (the search queue, the checks), as the store has them.
  protected override bind(tx: Executor): Store {
    return new SqliteStore(this.location, tx as SqliteExecutor)
  }

  override async bulkLoad(expectedRows: number): Promise<() => Promise<void>> {
    const deferred = await deferIndexes(this.sqlite, expectedRows)
    return async () => {
      if (deferred) await restoreIndexes(this.sqlite, {onlyAbandoned: false})
    }
  }

  /** Migrates, then builds any index a bulk load that died left out. */
  override async migrate(now: Date, opts: {readOnly?: boolean} = {}) {
    const status = await super.migrate(now)
    if (!opts.readOnly) await restoreIndexes(this.sqlite, {onlyAbandoned: true})
    return status
  }

  override searchWaiting(): Promise<number> {
    return waiting(this.sqlite)
  }

  override catchUpSearch(opts: SearchCatchUp) {
    return catchUp(this.sqlite, opts)
  }

  override async check(): Promise<StoreCheck[]> {
    const rows = this.sqlite.raw().pragma('quick_check') as {quick_check: string}[]
    const fk = this.sqlite.raw().pragma('foreign_key_check') as unknown[]
    const ok = rows.length === 1 && rows[0].quick_check === 'ok'
    const deferred = await deferredIndexNames(this.sqlite)
    return [
      {name: 'integrity', ok, detail: ok ? 'quick_check ok' : rows.map((r) => r.quick_check).join('; ')},
      {name: 'foreign keys', ok: fk.length === 0, detail: fk.length === 0 ? 'no dangling references' : `${fk.length} dangling references`},
      ...(deferred.length > 0 ? [{name: 'indexes', ok: true, detail: `${deferred.join(', ')} left out by an import under way (built again when it ends)`}] : []),
    ]
  }
}
