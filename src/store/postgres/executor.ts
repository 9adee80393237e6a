import pg from 'pg'

import {BoardError, StoreUnreachableError, UsageError} from '../../errors.js'
import type {Executor, Param, Row, RunResult} from '../sql/executor.js'
import {numberPlaceholders, postgresDialect} from './dialect.js'

// Timestamps come back as ISO text and counts as numbers, so rows match SQLite's exactly.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1184 || oid === 1114) return (v: string) => new Date(oid === 1114 ? v + 'Z' : v).toISOString()
    if (oid === 20 || oid === 1700) return (v: string) => Number(v)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

const sqlCache = new Map<string, string>()
const numbered = (sql: string) => {
  let s = sqlCache.get(sql)
  if (s === undefined) sqlCache.set(sql, (s = numberPlaceholders(sql)))
  return s
}

export interface PostgresOptions {
  connectionTimeoutMillis?: number
  statementTimeoutMillis?: number
}

/** Timeouts a URL may set (`?connect_timeout=S&statement_timeout=MS`), else board's defaults. */
export function timeouts(params: URLSearchParams, opts: PostgresOptions) {
  const num = (name: string) => {
    const v = params.get(name)
    params.delete(name)
    if (v === null) return undefined
    const n = Number(v)
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name}=${v} in the store URL is not a number`)
    return n
  }
  const connectSeconds = num('connect_timeout')
  const statement = num('statement_timeout') ?? opts.statementTimeoutMillis ?? 60_000
  return {
    connect: connectSeconds !== undefined ? connectSeconds * 1000 : (opts.connectionTimeoutMillis ?? 5000),
    statement,
    // A backstop for a dead network, where the server cannot cancel anything: the client gives up.
    query: statement === 0 ? 0 : statement + 10_000,
  }
}

export class PostgresExecutor implements Executor {
  readonly dialect = postgresDialect()
  private depth = 0

  constructor(
    private readonly client: pg.Client,
    readonly schema: string | null = null,
  ) {}

  /** Password comes from PGPASSWORD or ~/.pgpass (pg reads both), never from argv. */
  static async connect(url: string, opts: PostgresOptions = {}): Promise<{executor: PostgresExecutor; schema: string | null}> {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new UsageError(`not a valid PostgreSQL URL: ${redact(url)}`, 'use postgres://user@host:5432/database?schema=NAME')
    }
    const schema = parsed.searchParams.get('schema')
    parsed.searchParams.delete('schema')
    const t = timeouts(parsed.searchParams, opts)
    const client = new pg.Client({
      connectionString: parsed.toString(),
      connectionTimeoutMillis: t.connect,
      statement_timeout: t.statement,
      query_timeout: t.query || undefined,
      // A crashed client must not hold row locks (claims, migrations) for ever.
      idle_in_transaction_session_timeout: 300_000,
      application_name: 'board',
      types,
    })
    client.on('error', () => {}) // a dropped connection surfaces on the next query instead
    try {
      await client.connect()
    } catch (error) {
      await client.end().catch(() => {})
      throw new StoreUnreachableError(`cannot reach PostgreSQL at ${redact(url)}: ${describe(error)}`, error)
    }
    const executor = new PostgresExecutor(client, schema)
    if (schema) await executor.useSchema(schema)
    return {executor, schema}
  }

  private async useSchema(schema: string): Promise<void> {
    const ident = quoteIdent(schema)
    // Only create what is missing: CREATE SCHEMA checks the CREATE privilege even when the schema
    // exists, and a clerk's role has no such privilege. Two first runs may race; the loser carries on.
    const exists = await this.client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])
    if (exists.rowCount === 0) {
      try {
        await this.client.query(`CREATE SCHEMA IF NOT EXISTS ${ident}`)
      } catch (error) {
        if (!['23505', '42P06'].includes((error as {code?: string}).code ?? '')) throw this.wrap(error)
      }
    }
    await this.client.query(`SET search_path TO ${ident}`)
  }

  /** Every query goes through here so a lost server or a timeout reads as one clear error. */
  private async query(sql: string, params?: readonly Param[]): Promise<pg.QueryResult> {
    try {
      return await this.client.query(sql, params as Param[] | undefined)
    } catch (error) {
      throw this.wrap(error)
    }
  }

  private wrap(error: unknown): unknown {
    const e = error as {code?: string; message?: string}
    if (e.code === '57014') return new BoardError(`PostgreSQL cancelled a statement that ran too long: ${e.message}`, {cause: error, suggestion: 'raise ?statement_timeout=MS in the store URL (0 = none)'})
    if (e.code === '42501' && /row-level security/.test(e.message ?? '')) {
      return new BoardError(`the database refused this change: ${e.message}`, {
        cause: error,
        suggestion: "this role may change only its units' cases, and events it writes carry its own name (drop --as / BOARD_ACTOR)",
      })
    }
    if (e.code === '42501') {
      return new BoardError(`the database refused: ${e.message}`, {cause: error, suggestion: "this role lacks the privilege; the store's owner can run board db migrate or board db grant"})
    }
    // Node socket errors and pg's own "Connection terminated" carry no SQLSTATE; admin shutdown is 57P01–57P03.
    const lost = /^(ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|57P0)/.test(e.code ?? '') || /Connection terminated|Query read timeout|not queryable/i.test(e.message ?? '')
    if (lost) return new StoreUnreachableError(`lost the connection to PostgreSQL: ${e.message}`, error)
    return error
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const r = await this.query(numbered(sql), params)
    return r.rows as T[]
  }

  async get<T = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0]
  }

  async run(sql: string, params: readonly Param[] = []): Promise<RunResult> {
    const r = await this.query(numbered(sql), params)
    return {changes: r.rowCount ?? 0}
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql)
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn(this)
    await this.query('BEGIN')
    this.depth++
    try {
      const result = await fn(this)
      await this.query('COMMIT')
      return result
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      this.depth--
    }
  }

  get inTransaction(): boolean {
    return this.depth > 0
  }

  /** Locks are per store (schema), so stores sharing a database do not wait on each other. */
  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const key = `board:${this.schema ?? ''}:${name}`
    await this.query('SELECT pg_advisory_lock(hashtext($1))', [key])
    try {
      return await fn()
    } finally {
      await this.client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => {})
    }
  }

  async currentUser(): Promise<string | null> {
    const r = await this.query('SELECT current_user AS u')
    return String(r.rows[0].u)
  }

  /** For postgres-only paths (COPY, row-level security). */
  raw(): pg.Client {
    return this.client
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {})
  }
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"'
}

function describe(error: unknown): string {
  const e = error as {message?: string; code?: string; errors?: {message: string}[]}
  // Node's AggregateError (IPv4 and IPv6 both refused) has an empty message.
  const msg = e.message || e.errors?.map((x) => x.message).join('; ') || e.code || String(error)
  if (/password authentication failed|no password supplied|SASL/i.test(msg)) return `${msg} (set PGPASSWORD or ~/.pgpass)`
  return msg
}

export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@')
  }
}
