import type {Store, StoreCheck} from '../store.js'
import type {Executor} from '../sql/executor.js'
import {SqlStore} from '../sql/sql-store.js'
import {PostgresExecutor, redact} from './executor.js'

export class PostgresStore extends SqlStore {
  constructor(location: string, private readonly pg: PostgresExecutor) {
    super('postgres', location, pg)
  }

  static async open(url: string): Promise<PostgresStore> {
    const {executor} = await PostgresExecutor.connect(url)
    return new PostgresStore(redact(url), executor)
  }

  protected override bind(tx: Executor): Store {
    return new SqlStore('postgres', this.location, tx)
  }

  override async check(): Promise<StoreCheck[]> {
    const r = await this.pg.raw().query('SELECT version() AS v')
    return [{name: 'server', ok: true, detail: String(r.rows[0].v).split(',')[0]}]
  }
}
