import {readFileSync} from 'node:fs'

import {maskSecrets} from '../domain/secrets.js'
import {UsageError, ValidationError} from '../errors.js'
import {findSpec, settingSpecs} from '../settings/index.js'
import type {Store} from '../store/store.js'

export interface ConfigImportResult {
  file: string
  changed: string[]
  unchanged: string[]
  dryRun: boolean
}

/** Validates every key first, then writes them in one transaction: a bad file changes nothing. */
export async function importConfig(store: Store, file: string, opts: {actor: string; now: Date; dryRun: boolean}): Promise<ConfigImportResult> {
  let text: string
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`)
  }
  const {parse} = await import('yaml')
  let doc: unknown
  try {
    doc = parse(text)
  } catch (error) {
    throw new ValidationError(`${file}: not valid YAML: ${(error as Error).message}`)
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new ValidationError(`${file}: expected a mapping of setting keys`)
  const problems: string[] = []
  for (const [key, value] of Object.entries(doc)) {
    const spec = findSpec(key)
    if (!spec) {
      problems.push(`${key}: not a setting board knows (known: ${settingSpecs().map((s) => s.key).join(', ') || 'none'})`)
      continue
    }
    for (const p of spec.validate(value)) problems.push(`${key}.${p}`)
  }
  if (problems.length > 0) throw new ValidationError(`${file}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`)
  const changed: string[] = []
  const unchanged: string[] = []
  const write = async (s: Store) => {
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
      const differs = opts.dryRun ? JSON.stringify(await s.settings.get(key)) !== JSON.stringify(value) : await s.settings.set(key, value, opts)
      ;(differs ? changed : unchanged).push(key)
    }
  }
  if (opts.dryRun) await write(store)
  else await store.transaction(write)
  return {file, changed, unchanged, dryRun: opts.dryRun}
}

export interface EffectiveSetting {
  value: unknown
  stored: boolean
  /** Kept from this reader: a setting with secrets, on a store where it is not an admin. */
  hidden?: boolean
}

/**
 * Every known setting: the stored value, else the default board uses. A reader who is not an
 * admin (only PostgreSQL has such readers) gets secret settings hidden and credentials masked.
 */
export async function effectiveSettings(store: Store): Promise<Record<string, EffectiveSetting>> {
  const admin = store.access ? await store.access.isAdmin() : true
  const stored = new Map((await store.settings.all()).map((s) => [s.key, s.value]))
  const out: Record<string, EffectiveSetting> = {}
  for (const spec of settingSpecs()) {
    if (spec.secret && !admin) out[spec.key] = {value: null, stored: stored.has(spec.key), hidden: true}
    else out[spec.key] = stored.has(spec.key) ? {value: stored.get(spec.key), stored: true} : {value: spec.defaultValue?.() ?? null, stored: false}
  }
  for (const [key, value] of stored) if (!(key in out)) out[key] = {value, stored: true}
  if (!admin) for (const v of Object.values(out)) v.value = maskSecrets(v.value)
  return out
}
