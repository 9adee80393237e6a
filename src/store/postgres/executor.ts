import pg from 'pg'

import {StoreUnreachableError} from '../../errors.js'
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

export class PostgresExecutor implements Executor {
  readonly dialect = postgresDialect()
  private depth = 0

  constructor(private readonly client: pg.Client) {}

  /** Password comes from PGPASSWORD or ~/.pgpass (pg reads both), never from argv. */
  static async connect(url: string, opts: PostgresOptions = {}): Promise<{executor: PostgresExecutor; schema: string | null}> {
    const parsed = new URL(url)
    const schema = parsed.searchParams.get('schema')
    parsed.searchParams.delete('schema')
    const client = new pg.Client({
      connectionString: parsed.toString(),
      connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 5000,
      statement_timeout: opts.statementTimeoutMillis ?? 60_000,
      types,
    })
    client.on('error', () => {}) // a dropped connection surfaces on the next query instead
    try {
      await client.connect()
    } catch (error) {
      await client.end().catch(() => {})
      throw new StoreUnreachableError(`cannot reach PostgreSQL at ${redact(url)}: ${(error as Error).message}`, error)
    }
    const executor = new PostgresExecutor(client)
    if (schema) {
      const ident = '"' + schema.replace(/"/g, '""') + '"'
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident}`)
      await client.query(`SET search_path TO ${ident}`)
    }
    return {executor, schema}
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const r = await this.client.query(numbered(sql), params as Param[])
    return r.rows as T[]
  }

  async get<T = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0]
  }

  async insertId(sql: string, params: readonly Param[] = []): Promise<number> {
    const row = await this.get<{id: number | string}>(`${sql} RETURNING id`, params)
    return Number(row!.id)
  }

  async run(sql: string, params: readonly Param[] = []): Promise<RunResult> {
    const r = await this.client.query(numbered(sql), params as Param[])
    return {changes: r.rowCount ?? 0}
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql)
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn(this)
    await this.client.query('BEGIN')
    this.depth++
    try {
      const result = await fn(this)
      await this.client.query('COMMIT')
      return result
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      this.depth--
    }
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    await this.client.query('SELECT pg_advisory_lock(hashtext($1))', ['board:' + name])
    try {
      return await fn()
    } finally {
      await this.client.query('SELECT pg_advisory_unlock(hashtext($1))', ['board:' + name]).catch(() => {})
    }
  }

  async currentUser(): Promise<string | null> {
    const r = await this.client.query('SELECT current_user AS u')
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

export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@')
  }
}
