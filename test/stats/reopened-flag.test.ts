import {afterAll, describe, expect, it} from 'vitest'

import {migrations} from '../../src/store/migrations/index.js'
import type {Executor} from '../../src/store/sql/executor.js'
import {migrate} from '../../src/store/sql/migrate.js'
import {SqlStats} from '../../src/store/sql/stats/aggregate.js'
import {backendList} from '../helpers/backends.js'

// Statistics count a case as reopened from a flag on the case (migration 11), no longer from a
// search of the event log. The migration reads the log once for earlier reopenings; the triggers
// keep the flag whoever updates the status afterwards; a case reopened now counts by its status.

async function connect(name: string, location: string): Promise<Executor & {close(): Promise<void>}> {
  if (name === 'sqlite') {
    const {SqliteExecutor} = await import('../../src/store/sqlite/executor.js')
    return SqliteExecutor.open(location)
  }
  const {PostgresExecutor} = await import('../../src/store/postgres/executor.js')
  return (await PostgresExecutor.connect(location)).executor
}

describe.each(backendList)('the reopened flag ($name)', (backend) => {
  afterAll(() => backend.cleanup())

  it('is backfilled from the event log and then kept by the triggers; stats count it', async () => {
    const db = await connect(backend.name, await backend.location())
    try {
      const now = new Date('2024-01-01T00:00:00Z')
      const before = migrations.filter((m) => m.version < 11)
      expect(before.length).toBe(10)
      await migrate(db, now, before)
      const at = '2023-05-01T00:00:00.000Z'
      const addCase = (ref: string, status: string) =>
        db.run(`INSERT INTO cases (source, ref, posted_at, status, created_at, updated_at) VALUES ('s', ?, ${db.dialect.instantParam}, ?, ${db.dialect.instantParam}, ${db.dialect.instantParam})`, [ref, at, status, at, at])
      const id = async (ref: string) => Number((await db.get<{id: unknown}>("SELECT id FROM cases WHERE source = 's' AND ref = ?", [ref]))!.id)
      const addEvent = async (ref: string, action: string, after: string) =>
        db.run(`INSERT INTO events (case_id, actor, at, action, after) VALUES (?, 'clerk', ${db.dialect.instantParam}, ?, ?)`, [await id(ref), at, action, after])
      await addCase('by-reopen', 'replied') // reopened by `board reopen`, answered again since
      await addEvent('by-reopen', 'reopen', '{"status":"reopened"}')
      await addCase('by-change', 'closed') // a change that set the status
      await addEvent('by-change', 'change', '{"status":"reopened","resolvedAt":null}')
      await addCase('imported', 'replied') // an import's own text never counts
      await addEvent('imported', 'import.create', '{"note":"\\"status\\":\\"reopened\\""}')
      await addCase('now', 'reopened')
      await addCase('never', 'replied')
      await addCase('later', 'replied')

      await migrate(db, now)
      const flags = async () =>
        Object.fromEntries((await db.all<{ref: string; reopened: unknown}>("SELECT ref, reopened FROM cases ORDER BY ref")).map((r) => [r.ref, Number(r.reopened)]))
      expect(await flags()).toEqual({'by-change': 1, 'by-reopen': 1, imported: 0, later: 0, never: 0, now: 1})

      await db.run("UPDATE cases SET status = 'reopened' WHERE ref = 'later'")
      await db.run("UPDATE cases SET status = 'replied' WHERE ref IN ('later', 'now')") // once reopened, always counted
      await db.run("UPDATE cases SET title = 'x' WHERE ref = 'never'")
      await addCase('inserted', 'reopened') // counted by its status; no trigger on insert
      expect(await flags()).toEqual({'by-change': 1, 'by-reopen': 1, imported: 0, inserted: 0, later: 1, never: 0, now: 1})

      const [all] = await new SqlStats(db).aggregate({by: [], filter: {}, now: now.toISOString(), tz: 'Asia/Shanghai'})
      expect(all.count).toBe(7)
      expect(all.reopened).toBe(5)
    } finally {
      await db.close()
    }
  })
})
