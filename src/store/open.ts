import {existsSync} from 'node:fs'

import {BoardError} from '../errors.js'
import {checkScheme, isPostgresUrl} from './location.js'
import type {Store} from './store.js'

export {isPostgresUrl}

/**
 * Opens and migrates the store at location. Backends are imported lazily so that a SQLite run
 * never loads pg, and `board --help` loads neither.
 */
export async function openStore(location: string, opts: {now: Date; migrate?: boolean; readOnly?: boolean; mustExist?: boolean} = {now: new Date()}): Promise<Store> {
  checkScheme(location)
  let store: Store
  if (isPostgresUrl(location)) {
    const {PostgresStore} = await import('./postgres/postgres-store.js')
    store = await PostgresStore.open(location, {createSchema: opts.migrate ?? true})
  } else {
    const {SqliteStore} = await import('./sqlite/sqlite-store.js')
    const sqlite = SqliteStore.open(location, {mustExist: opts.mustExist})
    store = sqlite
    if (sqlite.readOnly) {
      // A store file this user may only read is read as it is; migrating would need writing.
      const status = await store.migrationStatus()
      if (status.pending.length === 0 || opts.migrate === false) return store
      await store.close()
      throw new BoardError(`the store ${location} is read-only here and needs migrating first`, {suggestion: 'its owner can run board db migrate'})
    }
  }
  if (opts.migrate ?? true) {
    try {
      await store.migrate(opts.now, {readOnly: opts.readOnly})
    } catch (error) {
      await store.close()
      throw error
    }
  }
  return store
}

/**
 * The store a dry run plans against, opened so that nothing is written: no SQLite file, schema,
 * table or migration is created. Where there is no store yet (no file, no schema, or one without
 * board's tables), the plan is against an empty store in memory, which is what a real first
 * import would start from. A store of an older version is refused: its tables are not what this
 * board reads, and planning against it would mean migrating it first.
 */
export async function openForDryRun(location: string, opts: {now: Date}): Promise<Store> {
  checkScheme(location)
  const empty = () => openStore(':memory:', {now: opts.now})
  if (!isPostgresUrl(location) && !existsSync(location)) return empty()
  const store = await openStore(location, {now: opts.now, migrate: false})
  let status
  try {
    status = await store.migrationStatus()
  } catch (error) {
    await store.close()
    throw error
  }
  if (status.current > 0 && status.pending.length === 0) return store
  await store.close()
  if (status.current === 0) return empty()
  throw new BoardError(`the store ${store.location} is at version ${status.current} and this board needs version ${status.latest}: a dry run does not migrate it`, {
    suggestion: `run board db migrate --store ${store.location} first, then the dry run`,
  })
}
