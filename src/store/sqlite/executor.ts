import Database from 'better-sqlite3'
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import {BoardError, StoreFullError, StoreUnreachableError, UsageError} from '../../errors.js'
import {prepareSqlitePath, sqliteHint} from '../location.js'
import {BUSY_TIMEOUT_MS, whenFree, whenFreeSync} from './busy.js'
import type {Executor, Param, Row, RunResult} from '../sql/executor.js'
import {concurrently, type ReadQuery} from '../sql/concurrent.js'
import {joinedExecutor, TxScope} from '../sql/tx-scope.js'
import {sqliteDialect} from './dialect.js'
import {registerFunctions} from './functions.js'
import {isWalFile, readableCopy, readableInPlace} from './read-only-copy.js'

/** Compiled beside this file in the built CLI; tests running the sources query on one thread. */
const READ_WORKER = new URL('./read-worker.js', import.meta.url)

// better-sqlite3 is synchronous; wrapping it in promises keeps one Executor contract for both
// backends. A transaction cannot interleave with other work because nothing else awaits in between.
export class SqliteExecutor implements Executor {
  readonly dialect = sqliteDialect()
  private readonly statements = new Map<string, Database.Statement>()
  private readonly scope = new TxScope()
  private readonly joined: Executor = joinedExecutor(this as Executor)

  constructor(
    private readonly db: Database.Database,
    /** the file, when other connections can open it (not ':memory:') */
    private readonly path: string | null = null,
    private readonly cleanup?: () => void,
  ) {}

  static open(path: string, opts: {readonly?: boolean; mustExist?: boolean} = {}): SqliteExecutor {
    const access = prepareSqlitePath(path, {mustExist: opts.mustExist ?? false})
    try {
      const readonly = (opts.readonly ?? false) || access === 'read'
      const copy = access === 'read' && isWalFile(path) && !readableInPlace(path) ? readableCopy(path) : undefined
      const db = new Database(copy?.path ?? path, {readonly, fileMustExist: access !== 'create'})
      // First, so that even switching to WAL waits for a writer instead of failing.
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
      if (path !== ':memory:') refuseForeign(db, path)
      if (!readonly) whenFreeSync(() => db.pragma('journal_mode = WAL'))
      db.pragma('foreign_keys = ON')
      db.pragma('synchronous = NORMAL')
      // With foreign keys on, every INSERT keeps a statement journal; in a temp file that is a few
      // page writes per row (the import's main cost), in memory it is a copy.
      db.pragma('temp_store = MEMORY')
      registerFunctions(db)
      return new SqliteExecutor(db, path === ':memory:' || path === '' ? null : (copy?.path ?? path), copy?.remove)
    } catch (error) {
      if (error instanceof BoardError) throw error
      throw new StoreUnreachableError(`cannot open SQLite store ${path}: ${(error as Error).message}`, error, sqliteHint())
    }
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql)
    if (!st) {
      st = this.db.prepare(sql)
      this.statements.set(sql, st)
    }
    return st
  }

  /**
   * Runs one statement; outside a transaction a busy store (another process writing) is waited
   * for. Inside one (BEGIN IMMEDIATE holds the write lock) there is nothing to wait for.
   */
  private async free<T>(fn: () => T): Promise<T> {
    try {
      return this.db.inTransaction ? fn() : await whenFree(fn)
    } catch (error) {
      throw full(error, this.path)
    }
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return this.free(() => this.prepare(sql).all(...params) as T[])
  }

  async eachValues(sql: string, params: readonly Param[], size: number, onBatch: (rows: unknown[][]) => Promise<boolean | void>): Promise<void> {
    // A statement of its own: the cached one may be in use by another reader of this connection.
    const it = this.db.prepare(sql).raw(true).iterate(...params) as IterableIterator<unknown[]>
    try {
      let batch: unknown[][] = []
      for (const row of it) {
        batch.push(row)
        if (batch.length < size) continue
        if ((await onBatch(batch)) === false) return
        batch = []
      }
      if (batch.length > 0) await onBatch(batch)
    } finally {
      it.return?.()
    }
  }

  async get<T = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return this.free(() => this.prepare(sql).get(...params) as T | undefined)
  }

  async run(sql: string, params: readonly Param[] = []): Promise<RunResult> {
    return this.free(() => ({changes: this.prepare(sql).run(...params).changes}))
  }

  async insertId(sql: string, params: readonly Param[] = []): Promise<number> {
    return this.free(() => Number(this.prepare(sql).run(...params).lastInsertRowid))
  }

  async exec(sql: string): Promise<void> {
    await this.free(() => this.db.exec(sql))
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.scope.run(
      {
        // IMMEDIATE takes the write lock up front, so two processes never both read-then-write.
        begin: async () => void (await whenFree(() => this.db.exec('BEGIN IMMEDIATE'))),
        commit: async () => void (await this.free(() => this.db.exec('COMMIT'))),
        rollback: async () => {
          if (this.db.inTransaction) this.db.exec('ROLLBACK')
        },
      },
      () => fn(this.joined),
    )
  }

  async withLock<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    // SQLite has one writer at a time; each step that must be exclusive runs in BEGIN IMMEDIATE.
    return fn()
  }

  async currentUser(): Promise<string | null> {
    return null
  }

  async allConcurrently(queries: readonly ReadQuery[]): Promise<Row[][]> {
    const path = this.path
    const threads = path !== null && !this.scope.active && !this.db.inTransaction && existsSync(fileURLToPath(READ_WORKER))
    return concurrently(queries, (q) => this.all(q.sql, q.params), threads ? (q) => readInThread(path, q) : null)
  }

  /** For sqlite-only maintenance (integrity check, backup). */
  raw(): Database.Database {
    return this.db
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close()
    this.cleanup?.()
  }
}

/**
 * A query on a connection of its own in a worker thread (read-worker.ts). node:worker_threads is
 * loaded here, not with the store: most runs never start a thread, and every start would pay it.
 */
async function readInThread(path: string, q: ReadQuery): Promise<Row[]> {
  const {Worker} = await import('node:worker_threads')
  return new Promise<Row[]>((resolve, reject) => {
    const worker = new Worker(READ_WORKER, {workerData: {path, sql: q.sql, params: [...q.params]}})
    worker.once('message', (m: {rows?: Row[]; error?: string}) => (m.error === undefined ? resolve(m.rows!) : reject(new Error(m.error))))
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the query thread stopped (exit code ${code})`)))
  })
}

/** SQLITE_FULL as what it means to the user; other errors unchanged. */
function full(error: unknown, path: string | null): unknown {
  if ((error as {code?: string})?.code !== 'SQLITE_FULL') return error
  return new StoreFullError(`the disk holding the store ${path ?? ''} is full (or the store reached its size limit): nothing more could be written`, {cause: error})
}

/**
 * A database with tables but no board bookkeeping belongs to some other program: board leaves it
 * exactly as it is (no WAL switch, no migration) rather than add its tables beside the owner's.
 */
function refuseForeign(db: Database.Database, path: string): void {
  const tables = whenFreeSync(() => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[])
  if (tables.length === 0 || tables.includes('schema_migrations')) return
  db.close()
  throw new UsageError(`${path} is not a board store (it holds other tables: ${tables.slice(0, 5).join(', ')}); it was left untouched`, 'pass the path of a board store, or a new file to start one')
}
