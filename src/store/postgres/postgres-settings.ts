import {SqlSettings} from '../sql/settings.js'
import type {Executor} from '../sql/executor.js'
import {parseJson} from '../sql/rows.js'

/**
 * notify.channels as its reader may see it: whole for an admin; for a clerk, who cannot read the
 * setting (row-level security, migration 14), the entries of their own units (the view
 * unit_channels, migration 18), so a clerk's reminders for their units still find their channels.
 */
export class PostgresSettings extends SqlSettings {
  constructor(private readonly pg: Executor) {
    super(pg)
  }

  override async get<T = unknown>(key: string): Promise<T | undefined> {
    const value = await super.get<T>(key)
    if (value !== undefined || key !== 'notify.channels') return value
    // A role given no grant on the view (made by hand, not by db grant) reads no channels.
    const granted = await this.pg.get<{ok: boolean}>("SELECT pg_catalog.has_table_privilege('unit_channels', 'SELECT') AS ok")
    if (!granted?.ok) return undefined
    const rows = await this.pg.all<{code: string; channels: string}>('SELECT code, channels FROM unit_channels ORDER BY code')
    if (rows.length === 0) return undefined
    return {units: Object.fromEntries(rows.map((r) => [r.code, parseJson(r.channels)]))} as T
  }
}
