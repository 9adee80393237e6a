import {migrations as all} from '../migrations/index.js'
import type {Migration} from '../migrations/migration.js'
import type {Executor} from './executor.js'

export interface MigrationStatus {
  current: number
  latest: number
  applied: {version: number; name: string; appliedAt: string}[]
  pending: {version: number; name: string}[]
}

const bookkeeping = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'

type Applied = MigrationStatus['applied']
const appliedSql = 'SELECT version, name, applied_at AS "appliedAt" FROM schema_migrations ORDER BY version'

export async function migrationStatus(db: Executor, migrations: readonly Migration[] = all): Promise<MigrationStatus> {
  const exists = await tableExists(db, 'schema_migrations')
  return statusOf(exists ? await db.all<Applied[number]>(appliedSql) : [], migrations)
}

function statusOf(applied: Applied, migrations: readonly Migration[]): MigrationStatus {
  const done = new Set(applied.map((m) => Number(m.version)))
  return {
    current: applied.length > 0 ? Math.max(...done) : 0,
    latest: migrations.at(-1)?.version ?? 0,
    applied,
    pending: migrations.filter((m) => !done.has(m.version)).map(({version, name}) => ({version, name})),
  }
}

/** Applies what is pending, each migration in its own transaction, under a store-wide lock. */
export async function migrate(db: Executor, now: Date, migrations: readonly Migration[] = all): Promise<MigrationStatus> {
  // Every command opens its store through here, and nearly always nothing is pending: one read
  // says so, without the lock (a round trip each way on PostgreSQL) or the bookkeeping checks.
  const current = await upToDate(db, migrations)
  if (current) return current
  return db.withLock('migrate', async () => {
    // No DDL when nothing is pending: a clerk's PostgreSQL role may not create tables.
    if (!(await tableExists(db, 'schema_migrations'))) await db.exec(bookkeeping)
    const status = await migrationStatus(db, migrations)
    for (const p of status.pending) {
      const m = migrations.find((x) => x.version === p.version)!
      await db.transaction(async (tx) => {
        // Re-checked inside the write transaction: another process may have applied it meanwhile.
        if (await tx.get('SELECT 1 AS ok FROM schema_migrations WHERE version = ?', [m.version])) return
        await tx.exec(db.dialect.migrationSql(m))
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, now.toISOString()])
      })
    }
    return migrationStatus(db, migrations)
  })
}

/** The status when every migration is applied; null when one is not, or on a store without bookkeeping yet. */
async function upToDate(db: Executor, migrations: readonly Migration[]): Promise<MigrationStatus | null> {
  let applied: Applied
  try {
    applied = await db.all<Applied[number]>(appliedSql)
  } catch {
    return null // no schema_migrations yet: the locked path creates it
  }
  const status = statusOf(applied, migrations)
  return status.pending.length === 0 ? status : null
}

async function tableExists(db: Executor, name: string): Promise<boolean> {
  return (await db.get(db.dialect.tableExistsSql, [name])) !== undefined
}
