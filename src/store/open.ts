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
    store = await PostgresStore.open(location)
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
