// Shared settings a team keeps in the store. Each capability adds a spec here (one line in
// `specs`), so `config import` validates every key and `config export` knows them all.

export interface SettingSpec {
  key: string
  description: string
  /** Problems found, each naming the path inside the value (e.g. "rules[2].resolve"). */
  validate(value: unknown): string[]
  /** What board uses when the store holds nothing for this key. */
  defaultValue?: () => unknown
  /**
   * Holds credentials or every unit's channels: on PostgreSQL only admins read it (migration 14
   * lists the same keys), and config show/export mask it for everyone else.
   */
  secret?: boolean
}

const specs: SettingSpec[] = []

export function registerSetting(spec: SettingSpec): void {
  if (!specs.some((s) => s.key === spec.key)) specs.push(spec)
}

export function settingSpecs(): readonly SettingSpec[] {
  return specs
}

export function findSpec(key: string): SettingSpec | undefined {
  return specs.find((s) => s.key === key)
}
