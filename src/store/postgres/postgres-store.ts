import type {Store, StoreCheck} from '../store.js'
import type {Executor} from '../sql/executor.js'
import {SqlStore} from '../sql/sql-store.js'
import {PostgresExecutor, redact} from './executor.js'
import {PostgresCases} from './postgres-cases.js'
import {PostgresAccess} from './access.js'

export class PostgresStore extends SqlStore {
  override readonly cases: PostgresCases
  readonly access: PostgresAccess

  constructor(location: string, private readonly pg: PostgresExecutor) {
    super('postgres', location, pg)
    this.cases = new PostgresCases(pg)
    this.access = new PostgresAccess(pg)
  }

  static async open(url: string): Promise<PostgresStore> {
    const {executor} = await PostgresExecutor.connect(url)
    return new PostgresStore(redact(url), executor)
  }

  // The PostgreSQL executor runs a transaction on itself, so the bound view is this store again.
  protected override bind(tx: Executor): Store {
    return tx === this.pg ? this : new SqlStore('postgres', this.location, tx)
  }

  override async check(): Promise<StoreCheck[]> {
    const r = await this.pg.raw().query('SELECT version() AS v')
    return [{name: 'server', ok: true, detail: String(r.rows[0].v).split(',')[0]}]
  }
}
