import type {TermQuery} from './search-terms.js'

// The seam between board's SQL and a driver. Repositories in this folder speak to an Executor
// and never import a driver; src/store/sqlite and src/store/postgres each provide one.
// SQL here uses `?` placeholders; the PostgreSQL executor numbers them.

export type Param = string | number | null
export type Row = Record<string, unknown>

/** One read for Executor.allConcurrently (see concurrent.ts). */
export interface ReadQuery {
  sql: string
  params: readonly Param[]
}

export interface Dialect {
  readonly name: 'sqlite' | 'postgres'
  /** Row locks that let concurrent claimers skip each other's rows (FOR UPDATE SKIP LOCKED). */
  readonly supportsSkipLocked: boolean
  /** Case-insensitive substring match operator. */
  readonly ilike: string
  /** Days between two timestamp columns as a real number. */
  daysBetween(from: string, to: string): string
  /** A bound parameter (UTC ISO text) where an expression needs it as a timestamp. */
  readonly instantParam: string
  /**
   * Ends a subquery so the planner keeps it separate: its computed columns are evaluated once per
   * row instead of being copied into every aggregate that uses them.
   */
  readonly subqueryFence: string
  /**
   * Pins a table reference to one index (after `FROM table`), where the planner's statistics may
   * be stale enough to pick a full scan; PostgreSQL has no such hint and keeps its own statistics.
   */
  indexedBy(index: string): string
  /**
   * How to update many rows with values of their own: a statement a row is cheapest in-process
   * (SQLite), where one statement of many VALUES rows is several times slower; on a server a
   * statement a row is a round trip a row, so PostgreSQL takes one UPDATE … FROM (VALUES …).
   */
  readonly manyRowUpdates: 'per-row' | 'values'
  /**
   * How to read the rows in either of two ranges of two indexes. SQLite takes each range through
   * its own index and joins them with UNION ALL (for an OR it costs the few running cases among
   * millions as a third of the table, and scans it); PostgreSQL takes one pass with the ranges
   * OR-ed, a bitmap that reads each table page once, where UNION ALL read a row in both twice.
   */
  readonly eitherRange: 'union-all' | 'one-pass'
  /** Aggregate: the continuous percentile (linear interpolation; 0.5 = median) of expr, NULLs ignored. */
  percentile(expr: string, fraction: number): string
  /**
   * The aggregate function (stats/groups.ts) every connection of this backend has, that groups
   * and measures cases in one pass where the database has no hash aggregation (SQLite); null
   * where its own GROUP BY does that best (PostgreSQL).
   */
  readonly statsGroupsFunction: string | null
  /** The search index (017-search-index.ts). */
  readonly search: SearchDialect
  /** A query with one parameter (the table name) that returns a row when the table exists. */
  readonly tableExistsSql: string
  /** Picks this backend's text of a migration. */
  migrationSql(m: {sqlite: string; postgres: string}): string
  /** Introspection for whole-store copies (board db copy). */
  readonly catalog: Catalog
}

export interface SearchDialect {
  /** A condition on the case `c`: the index holds the query's terms for it (or cannot tell). */
  match(q: TermQuery): {sql: string; params: Param[]}
  /**
   * Ids of the cases the index holds the query's terms for, as a subquery, or null where match()
   * is the index's only use.
   */
  ids(q: TermQuery): {sql: string; params: Param[]} | null
  /**
   * Ids of the indexed cases holding the query's pairs, as a subquery: cases waiting to be indexed
   * are not among them (similar-cases.ts ranks by the index alone); null for a query without pairs.
   */
  indexedIds(q: TermQuery): {sql: string; params: Param[]} | null
  /**
   * Whether the planner weighs the index against reading cases in time order by itself (it keeps
   * statistics of the terms); otherwise the store counts the candidates first and chooses.
   */
  readonly planned: boolean
  /**
   * The SET assignment of a case's terms, for board to write with a new title and body; null
   * where triggers keep the index.
   */
  assignTerms(title: string, body: string): {sql: string; params: Param[]} | null
  /** Statements that index these cases, run in the transaction that wrote them; none where assignTerms() does. */
  indexWritten(ids: readonly number[]): {sql: string; params: Param[]}[]
}

export interface Catalog {
  /** No parameters; rows {name}: the store's tables. */
  tablesSql: string
  /** (table); rows {name, pk}: columns in order, pk = position in the primary key, 0 if none. */
  columnsSql: string
  /** (table); rows {column, ref}: single-column foreign keys and the table they reference. */
  foreignKeysSql: string
  /** SQL that moves the identity behind table.column past its largest value, or null if none is kept. */
  resetIdentity(table: string, column: string): string | null
}

export interface RunResult {
  changes: number
}

export interface Executor {
  readonly dialect: Dialect
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>
  /**
   * A query's rows as value arrays, `size` at a time, each batch handed to onBatch before the next
   * is read, all from one run of the query (a cursor: one plan and one snapshot for all of them,
   * where paging would plan again for each page). onBatch returning false stops.
   */
  eachValues(sql: string, params: readonly Param[], size: number, onBatch: (rows: unknown[][]) => Promise<boolean | void>): Promise<void>
  run(sql: string, params?: readonly Param[]): Promise<RunResult>
  /**
   * Runs an INSERT (no RETURNING clause) into a table keyed by an integer `id` and returns the new id.
   * SQLite reads its last rowid, cheaper than RETURNING per row of a large import.
   */
  insertId(sql: string, params?: readonly Param[]): Promise<number>
  /** Runs several statements without parameters (DDL). */
  exec(sql: string): Promise<void>
  /** Nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>
  /** Holds a store-wide named lock for fn (migrations, notification runs). */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>
  /** The database user when the backend has one (PostgreSQL), else null. */
  currentUser(): Promise<string | null>
  /**
   * Runs read-only queries at the same time, each on a connection of its own (one core each),
   * and returns their rows in order. Inside a transaction, or where the store cannot open another
   * connection, they run one after another on this one (other connections would not see the
   * transaction's writes).
   */
  allConcurrently(queries: readonly ReadQuery[]): Promise<Row[][]>
  close(): Promise<void>
}

export function placeholders(n: number): string {
  return Array.from({length: n}, () => '?').join(',')
}
