export interface Setting {
  key: string
  value: unknown
  updatedAt: string
  updatedBy: string
}

/** Settings a team shares (SLA policy, routing rules, keyword lists, channels, templates). */
export interface SettingsRepository {
  get<T = unknown>(key: string): Promise<T | undefined>
  all(): Promise<Setting[]>
  /** Writes the value and an audit event in one transaction; returns false when unchanged. */
  set(key: string, value: unknown, opts: {actor: string; now: Date}): Promise<boolean>
  remove(key: string, opts: {actor: string; now: Date}): Promise<boolean>
}
