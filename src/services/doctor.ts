import {settingSpecs} from '../settings/index.js'
import type {Store} from '../store/store.js'

export interface DoctorCheck {
  area: string
  name: string
  ok: boolean
  detail: string
  fix?: string
  /** Not ok, but nothing can be done yet (say, next year's holiday notice is not out): shown, not failed. */
  warning?: boolean
}

/** displayZone: the zone this user's times are shown in (BOARD_TZ, the config file). */
export type DoctorProbe = (ctx: {store: Store; now: Date; displayZone?: string}) => Promise<DoctorCheck[]>

// Capabilities add probes (calendar coverage, channels, classifier) by calling registerProbe.
const probes: DoctorProbe[] = []

export function registerProbe(probe: DoctorProbe): void {
  probes.push(probe)
}

export async function runDoctor(store: Store, now: Date, opts: {displayZone?: string} = {}): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [{area: 'store', name: 'reachable', ok: true, detail: `${store.backend} ${store.location}`}]
  const m = await store.migrationStatus()
  checks.push({
    area: 'store',
    name: 'migrations',
    ok: m.pending.length === 0,
    detail: `schema version ${m.current} of ${m.latest}`,
    fix: m.pending.length > 0 ? 'run board db migrate' : undefined,
  })
  for (const c of await store.check()) checks.push({area: 'store', name: c.name, ok: c.ok, detail: c.detail})
  for (const s of await store.settings.all()) {
    const spec = settingSpecs().find((x) => x.key === s.key)
    const problems = spec ? spec.validate(s.value) : [`unknown setting`]
    checks.push({
      area: 'settings',
      name: s.key,
      ok: problems.length === 0,
      detail: problems.length === 0 ? 'valid' : problems.join('; '),
      fix: problems.length === 0 ? undefined : 'fix the YAML and run board config import',
    })
  }
  // Capabilities' probes load here, after this module is complete (they import registerProbe).
  await import('./doctor-probes.js')
  for (const probe of probes) checks.push(...(await probe({store, now, displayZone: opts.displayZone})))
  return checks
}
