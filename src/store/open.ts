import type {Store} from './store.js'

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/**
 * Opens and migrates the store at location. Backends are imported lazily so that a SQLite run
 * never loads pg, and `board --help` loads neither.
 */
export async function openStore(location: string, opts: {now: Date; migrate?: boolean; readOnly?: boolean} = {now: new Date()}): Promise<Store> {
  let store: Store
  if (isPostgresUrl(location)) {
    const {PostgresStore} = await import('./postgres/postgres-store.js')
    store = await PostgresStore.open(location)
  } else {
    const {SqliteStore} = await import('./sqlite/sqlite-store.js')
    store = SqliteStore.open(location)
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
