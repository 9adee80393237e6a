import {describe, expect, it} from 'vitest'

import {migrations} from '../../src/store/migrations/index.js'
import type {Executor} from '../../src/store/sql/executor.js'
import {migrate} from '../../src/store/sql/migrate.js'
import {SqliteExecutor} from '../../src/store/sqlite/executor.js'

/** The executor, noting each lock taken through it. */
function watched(db: Executor, locks: string[]): Executor {
  return new Proxy(db, {
    get(target, key) {
      if (key === 'withLock') return (name: string, fn: () => Promise<unknown>) => (locks.push(name), target.withLock(name, fn))
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

// Every command opens the store through migrate: when nothing is pending it must stay a read.
describe('migrate on a store that is up to date', () => {
  it('takes no lock and reports nothing pending', async () => {
    const db = SqliteExecutor.open(':memory:')
    await migrate(db, new Date('2026-01-01T00:00:00Z'))
    const locks: string[] = []
    const status = await migrate(watched(db, locks), new Date('2026-01-02T00:00:00Z'))
    expect(locks).toEqual([])
    expect(status.pending).toEqual([])
    expect(status.current).toBe(migrations.at(-1)!.version)
    expect(status.applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version))
    await db.close()
  })

  it('still applies a migration it has not seen, under the lock', async () => {
    const db = SqliteExecutor.open(':memory:')
    await migrate(db, new Date('2026-01-01T00:00:00Z'))
    const locks: string[] = []
    const next = {version: 9999, name: 'test-extra', sqlite: 'CREATE TABLE test_extra (x INTEGER)', postgres: 'CREATE TABLE test_extra (x INTEGER)'}
    const status = await migrate(watched(db, locks), new Date('2026-01-02T00:00:00Z'), [...migrations, next])
    expect(locks).toEqual(['migrate'])
    expect(status.pending).toEqual([])
    expect(await db.get('SELECT count(*) AS n FROM test_extra')).toEqual({n: 0})
    await db.close()
  })
})
