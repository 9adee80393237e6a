import type {Setting, SettingsRepository} from '../settings.js'
import type {Executor} from './executor.js'
import {SqlEvents} from './events.js'
import {parseJson} from './rows.js'

export class SqlSettings implements SettingsRepository {
  constructor(private readonly db: Executor) {}

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const row = await this.db.get<{value: string}>('SELECT value FROM settings WHERE key = ?', [key])
    return row ? (parseJson(row.value) as T) : undefined
  }

  async all(): Promise<Setting[]> {
    const rows = await this.db.all<{key: string; value: string; updated_at: string; updated_by: string}>(
      'SELECT key, value, updated_at, updated_by FROM settings ORDER BY key',
    )
    return rows.map((r) => ({key: r.key, value: parseJson(r.value), updatedAt: String(r.updated_at), updatedBy: r.updated_by}))
  }

  async set(key: string, value: unknown, opts: {actor: string; now: Date}): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const before = await tx.get<{value: string}>('SELECT value FROM settings WHERE key = ?', [key])
      const text = JSON.stringify(value)
      if (before?.value === text) return false
      await tx.run(
        'INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
        [key, text, opts.now.toISOString(), opts.actor],
      )
      await new SqlEvents(tx).append({
        caseId: null,
        actor: opts.actor,
        at: opts.now,
        action: 'settings.set',
        before: before ? {key, value: parseJson(before.value)} : null,
        after: {key, value},
      })
      return true
    })
  }

  async remove(key: string, opts: {actor: string; now: Date}): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const before = await tx.get<{value: string}>('SELECT value FROM settings WHERE key = ?', [key])
      if (!before) return false
      await tx.run('DELETE FROM settings WHERE key = ?', [key])
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'settings.remove', before: {key, value: parseJson(before.value)}})
      return true
    })
  }
}
