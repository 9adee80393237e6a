import pg from 'pg'
import copyStreams from 'pg-copy-streams'
import {StringDecoder} from 'node:string_decoder'

import {StoreUnreachableError, UsageError} from '../../errors.js'
import type {Executor, Param, Row, RunResult} from '../sql/executor.js'
import {concurrently, type ReadQuery} from '../sql/concurrent.js'
import {joinedExecutor, TxScope} from '../sql/tx-scope.js'
import {numberPlaceholders, postgresDialect} from './dialect.js'
import {isoFromPostgres} from './timestamps.js'
import {connectFailure, pgError, type PostgresOptions, timeouts} from './errors.js'

export type {PostgresOptions}

// Timestamps come back as ISO text and counts as numbers, so rows match SQLite's exactly.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1184 || oid === 1114) return (v: string) => isoFromPostgres(v, oid === 1184)
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

export class PostgresExecutor implements Executor {
  readonly dialect = postgresDialect()
  private readonly scope = new TxScope()
  private readonly joined: Executor = joinedExecutor(this as Executor)

  constructor(
    private readonly client: pg.Client,
    readonly schema: string | null = null,
    /** how to open another connection like this one (allConcurrently) */
    private readonly config: pg.ClientConfig | null = null,
  ) {}

  /** Password comes from PGPASSWORD or ~/.pgpass (pg reads both), never from argv. */
  /**
   * createSchema false: a schema that is not there is not made (a dry run writes nothing); the
   * connection then sees no tables at all.
   */
  static async connect(url: string, opts: PostgresOptions & {createSchema?: boolean} = {}): Promise<{executor: PostgresExecutor; schema: string | null}> {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new UsageError(`not a valid PostgreSQL URL: ${redact(url)}`, 'use postgres://user@host:5432/database?schema=NAME')
    }
    const schema = parsed.searchParams.get('schema')
    parsed.searchParams.delete('schema')
    const t = timeouts(parsed.searchParams, opts)
    const config: pg.ClientConfig = {
      connectionString: parsed.toString(),
      connectionTimeoutMillis: t.connect,
      statement_timeout: t.statement,
      query_timeout: t.query || undefined,
      // A crashed client must not hold row locks (claims, migrations) for ever.
      idle_in_transaction_session_timeout: 300_000,
      application_name: 'board',
      // board's heaviest queries (statistics, overdue) are single passes that PostgreSQL's JIT
      // compiles for longer than it saves them; a URL's own options= still takes precedence.
      options: '-c jit=off',
      types,
    }
    const client = new pg.Client(config)
    client.on('error', () => {}) // a dropped connection surfaces on the next query instead
    try {
      await client.connect()
    } catch (error) {
      await client.end().catch(() => {})
      throw new StoreUnreachableError(`cannot reach PostgreSQL at ${redact(url)}: ${connectFailure(error)}`, error)
    }
    const executor = new PostgresExecutor(client, schema, config)
    if (schema) await executor.useSchema(schema, opts.createSchema ?? true)
    return {executor, schema}
  }

  private async useSchema(schema: string, create: boolean): Promise<void> {
    const ident = quoteIdent(schema)
    // Only create what is missing: CREATE SCHEMA checks the CREATE privilege even when the schema
    // exists, and a clerk's role has no such privilege. Two first runs may race; the loser carries on.
    const exists = await this.client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])
    if (exists.rowCount === 0 && create) {
      try {
        await this.client.query(`CREATE SCHEMA IF NOT EXISTS ${ident}`)
      } catch (error) {
        if (!['23505', '42P06'].includes((error as {code?: string}).code ?? '')) throw pgError(error)
      }
    }
    await this.client.query(`SET search_path TO ${ident}`)
  }

  /** Every query goes through here so a lost server or a timeout reads as one clear error. */
  private async query(sql: string, params?: readonly Param[]): Promise<pg.QueryResult> {
    try {
      return await this.client.query(sql, params as Param[] | undefined)
    } catch (error) {
      throw pgError(error)
    }
  }

  async all<T = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const r = await this.query(numbered(sql), params)
    return r.rows as T[]
  }

  async eachValues(sql: string, params: readonly Param[], size: number, onBatch: (rows: unknown[][]) => Promise<boolean | void>): Promise<void> {
    await this.transaction(async () => {
      // Every row will be read: plan for all of them (a cursor is planned for its first tenth,
      // which picks an index walk with a random heap read a row over one pass and a sort).
      await this.query('SET LOCAL cursor_tuple_fraction = 1')
      await this.query(`DECLARE board_each NO SCROLL CURSOR FOR ${numbered(sql)}`, params)
      const fetch = () => this.client.query({text: `FETCH ${Math.floor(size)} FROM board_each`, rowMode: 'array'})
      // The server reads the next batch while this one is handed on.
      let next = fetch()
      for (;;) {
        const r = await next.catch((error) => {
          throw pgError(error)
        })
        if (r.rows.length === 0) break
        next = fetch()
        next.catch(() => {}) // awaited on the next turn; this only keeps it from counting as unhandled
        if ((await onBatch(r.rows as unknown[][])) === false) {
          await next.catch(() => {})
          break
        }
      }
      await this.query('CLOSE board_each')
    })
  }

  /**
   * COPY … TO STDOUT, handed on as UTF-8 text as it arrives. onText returning false cancels the
   * statement (it would otherwise run to its end), and what is still in flight is dropped.
   * A COPY lasts as long as its data, so statement_timeout is lifted for it (in a transaction of
   * its own, or the caller's); the client's backstop for a dead network counts time without data.
   */
  async copyOut(sql: string, onText: (text: string) => Promise<boolean | void>): Promise<void> {
    await this.transaction(async () => {
      await this.query('SET LOCAL statement_timeout = 0')
      // pg's own read timeout is cleared by a callback COPY TO never calls: it would end a long
      // COPY and keep the process alive after a short one. Set out of reach, and cleared below.
      const stream = this.client.query(Object.assign(copyStreams.to(sql), {query_timeout: 2 ** 31 - 1}))
      const idle = Number(this.config?.query_timeout ?? 0)
      let timer: NodeJS.Timeout | undefined
      const wait = () => {
        // read by pgError as a lost server, which a silent one is
        if (idle > 0) timer = setTimeout(() => stream.destroy(Object.assign(new Error(), {code: 'ETIMEDOUT'})), idle)
      }
      const decoder = new StringDecoder('utf8')
      let stopped = false
      try {
        wait()
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          clearTimeout(timer)
          if (!stopped && (await onText(decoder.write(chunk))) === false) {
            stopped = true
            await this.cancelStatement()
          }
          wait()
        }
        const rest = decoder.end()
        if (!stopped && rest) await onText(rest)
      } catch (error) {
        if (!stopped || (error as {code?: string}).code !== '57014') throw pgError(error)
      } finally {
        clearTimeout(timer)
        ;(stream as unknown as {callback?: () => void}).callback?.()
      }
    })
  }

  /** Cancels this connection's running statement, from another connection as the same user. */
  private async cancelStatement(): Promise<void> {
    if (!this.config) return
    const other = new pg.Client(this.config)
    other.on('error', () => {})
    try {
      await other.connect()
      await other.query('SELECT pg_catalog.pg_cancel_backend($1)', [(this.client as unknown as {processID: number}).processID])
    } finally {
      await other.end().catch(() => {})
    }
  }

  async get<T = Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0]
  }

  async insertId(sql: string, params: readonly Param[] = []): Promise<number> {
    const row = await this.get<{id: number | string}>(`${sql} RETURNING id`, params)
    return Number(row!.id)
  }

  async run(sql: string, params: readonly Param[] = []): Promise<RunResult> {
    const r = await this.query(numbered(sql), params)
    return {changes: r.rowCount ?? 0}
  }

  async exec(sql: string): Promise<void> {
    await this.query(sql)
  }

  async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.scope.run(
      {
        begin: async () => void (await this.query('BEGIN')),
        commit: async () => void (await this.query('COMMIT')),
        rollback: async () => void (await this.client.query('ROLLBACK').catch(() => {})),
      },
      () => fn(this.joined),
    )
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

  async allConcurrently(queries: readonly ReadQuery[]): Promise<Row[][]> {
    const config = this.config
    const elsewhere = config && !this.scope.active ? (q: ReadQuery) => this.onOwnConnection(config, q) : null
    return concurrently(queries, (q) => this.all(q.sql, q.params), elsewhere)
  }

  /** The same user on another connection, so the same rows under row-level security. */
  private async onOwnConnection(config: pg.ClientConfig, q: ReadQuery): Promise<Row[]> {
    const client = new pg.Client(config)
    client.on('error', () => {})
    try {
      await client.connect()
      if (this.schema) await client.query(`SET search_path TO ${quoteIdent(this.schema)}`)
      return (await client.query(numbered(q.sql), q.params as Param[])).rows as Row[]
    } finally {
      await client.end().catch(() => {})
    }
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

/** The URL fit to print: a password, in the user part or as a parameter, is masked. */
export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    for (const p of ['password', 'sslpassword']) if (u.searchParams.has(p)) u.searchParams.set(p, '***')
    return u.toString()
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@').replace(/([?&](ssl)?password=)[^&]*/gi, '$1***')
  }
}
