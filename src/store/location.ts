import {accessSync, constants, existsSync, mkdirSync, statSync} from 'node:fs'
import {dirname, resolve} from 'node:path'

import {BoardError, ExitCode, StoreUnreachableError, UsageError} from '../errors.js'

// Where a store may be, checked before anything is opened or created: an unknown URL scheme is a
// usage error (not a file named "mysql:"), and a read-only command never creates a store.

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location)
}

/** Throws a UsageError (exit 2) for a URL of a database board does not speak. */
export function checkScheme(location: string): void {
  const scheme = SCHEME.exec(location)?.[1]
  if (scheme && !/^postgres(ql)?$/i.test(scheme)) {
    throw new UsageError(`--store ${scheme}:// is not a kind of store board supports (supported: a SQLite file path, or postgres:// / postgresql:// URL)`, 'pass a SQLite file path or a postgres:// URL')
  }
}

export class NoStoreError extends BoardError {
  override name = 'NoStoreError'
  constructor(path: string) {
    super(`there is no board store at ${path}`, {
      exitCode: ExitCode.storeUnreachable,
      suggestion: `create one with board db migrate --store ${path}, or by a first board import … --store ${path}`,
    })
  }
}

export type SqliteAccess = 'create' | 'write' | 'read'

/**
 * How a SQLite file can be opened: 'create' (it is new), 'write', or 'read' (the file or its
 * folder is read-only: reading needs no write access). With mustExist, a missing file is a
 * NoStoreError and nothing is created. A missing folder is created one level at a time, because
 * Node's recursive mkdir never returns on some paths (under /proc).
 */
export function prepareSqlitePath(path: string, opts: {mustExist: boolean}): SqliteAccess {
  if (path === ':memory:' || path === '') return 'create'
  const file = resolve(path)
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new StoreUnreachableError(`cannot open SQLite store ${path}: it is a directory`, undefined, sqliteHint())
    return writable(file) && writable(dirname(file)) ? 'write' : 'read'
  }
  if (opts.mustExist) throw new NoStoreError(path)
  const missing: string[] = []
  let dir = dirname(file)
  while (!existsSync(dir)) {
    missing.unshift(dir)
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  for (const d of missing) {
    try {
      mkdirSync(d)
    } catch (error) {
      throw new StoreUnreachableError(`cannot create the folder for SQLite store ${path}: ${(error as Error).message}`, error, sqliteHint())
    }
  }
  return 'create'
}

export function sqliteHint(): string {
  return 'check the path in --store / BOARD_STORE, and that you may read (and, to change it, write) the file and its folder'
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}
