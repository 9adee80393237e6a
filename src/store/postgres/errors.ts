import {BoardError, StoreFullError, StoreUnreachableError, UsageError} from '../../errors.js'

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

/** A driver error as board's: timeouts, refusals and a lost server read clearly; others pass. */
export function pgError(error: unknown): unknown {
  const e = error as {code?: string; message?: string}
  if (e.code === '53100') return new StoreFullError(`the PostgreSQL server's disk is full: ${e.message}`, {cause: error, suggestion: 'ask the database administrator to free space, then run the command again'})
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

/** Why connecting failed, in one line. */
export function connectFailure(error: unknown): string {
  const e = error as {message?: string; code?: string; errors?: {message: string}[]}
  // Node's AggregateError (IPv4 and IPv6 both refused) has an empty message.
  const msg = e.message || e.errors?.map((x) => x.message).join('; ') || e.code || String(error)
  if (/password authentication failed|no password supplied|SASL/i.test(msg)) return `${msg} (set PGPASSWORD or ~/.pgpass)`
  return msg
}
