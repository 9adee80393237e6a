import type {SearchCatchUp, Store, StoreCheck} from '../store.js'
import type {Executor} from '../sql/executor.js'
import {SqlStore} from '../sql/sql-store.js'
import {PostgresExecutor, redact} from './executor.js'
import {importLockKey, PostgresCases} from './postgres-cases.js'
import {PostgresSettings} from './postgres-settings.js'
import {CASE_TABLES_SQL, PostgresAccess} from './access.js'
import {PostgresTables} from './postgres-tables.js'
import {catchUp, waiting} from './search-fill.js'

export class PostgresStore extends SqlStore {
  override readonly cases: PostgresCases
  override readonly settings: PostgresSettings
  override readonly tables: PostgresTables
  readonly access: PostgresAccess

  constructor(
    location: string,
    private readonly pg: PostgresExecutor,
    /** Where to open more connections (parallelWriters); a transaction's view has none. */
    private readonly url?: string,
  ) {
    super('postgres', location, pg)
    this.cases = new PostgresCases(pg)
    this.settings = new PostgresSettings(pg)
    this.tables = new PostgresTables(pg)
    this.access = new PostgresAccess(pg)
  }

  static async open(url: string, opts: {createSchema?: boolean} = {}): Promise<PostgresStore> {
    const {executor} = await PostgresExecutor.connect(url, opts)
    return new PostgresStore(redact(url), executor, url)
  }

  /**
   * One import into a store at a time. Two at once over the same rows wait on each other's
   * uncommitted rows from several connections each, a cycle the server cannot see (part of it is
   * a process waiting for its own other connection) until a statement times out. Taken in turns,
   * the second finds the first one's rows stored and counts them unchanged. Tried in a loop, not
   * waited on in one statement, which statement_timeout would cancel.
   */
  override async bulkLoad(expectedRows: number): Promise<() => Promise<void>> {
    if (expectedRows <= 0) return async () => {}
    const key = importLockKey(this.pg.schema)
    while (!(await this.pg.get<{ok: boolean}>('SELECT pg_try_advisory_lock(hashtext(?)) AS ok', [key]))?.ok) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    return async () => {
      await this.pg.get('SELECT pg_advisory_unlock(hashtext(?)) AS ok', [key])
    }
  }

  // The server runs each connection's statements on its own core: while one merges a batch into
  // cases, another takes in the next. Extra connections only speed the work up: where the server
  // or the role allows no more (max_connections, CONNECTION LIMIT), the caller goes on with fewer.
  override async parallelWriters(n: number): Promise<Store[]> {
    const url = this.url
    if (!url) return []
    const writers: Store[] = []
    for (let i = 0; i < n; i++) {
      try {
        writers.push(await PostgresStore.open(url))
      } catch {
        break
      }
    }
    return writers
  }

  override searchWaiting(): Promise<number> {
    return waiting(this.pg)
  }

  override catchUpSearch(opts: SearchCatchUp) {
    return catchUp(this.pg, opts)
  }

  // A transaction's executor is this connection joined to the open transaction: the bound view
  // keeps PostgreSQL's own paths (COPY import, access) rather than falling back to the shared SQL.
  protected override bind(tx: Executor): Store {
    return new PostgresStore(this.location, tx as PostgresExecutor)
  }

  override async check(): Promise<StoreCheck[]> {
    const r = await this.pg.get<{v: string; timeout: string; schema: string}>(
      "SELECT version() AS v, current_setting('statement_timeout') AS timeout, current_schema() AS schema",
    )
    const checks: StoreCheck[] = [
      {name: 'server', ok: true, detail: `${String(r!.v).split(',')[0]}; schema ${r!.schema}; statement timeout ${r!.timeout}`},
    ]
    // Who this connection is and what row-level security lets it see: a clerk's first question.
    if (await this.pg.get("SELECT 1 AS ok FROM pg_proc WHERE proname = 'board_is_admin'")) {
      const who = (await this.pg.currentUser())!
      const admin = await this.pg.get<{a: boolean}>('SELECT board_is_admin() AS a')
      const grants = admin?.a ? [] : await this.access.list()
      const mine = grants.filter((g) => g.role === who).map((g) => g.unit)
      const open = (await this.pg.all<{name: string; rls: boolean}>(CASE_TABLES_SQL)).filter((t) => !t.rls).map((t) => t.name)
      checks.push({
        name: 'row-level security',
        ok: open.length === 0,
        detail: open.length === 0 ? 'every table of case data follows its case' : `not covered: ${open.join(', ')} (unit-scoped roles may see all of it)`,
      })
      checks.push({
        name: 'access',
        ok: Boolean(admin?.a) || mine.length > 0,
        detail: admin?.a ? `${who}: all units (owner or board_admin)` : mine.length > 0 ? `${who}: units ${mine.join(', ')} and below` : `${who}: no unit granted, sees no cases (board db grant ${who} --unit UNIT)`,
      })
    }
    return checks
  }
}
