import type {Case} from '../../domain/case.js'
import {DEFAULT_INCIDENTS, detectIncident, type Incident, type IncidentMessage, type IncidentSettings} from '../../domain/incidents.js'
import type {Store} from '../../store/store.js'

// Where the messages that may form an incident with a case are found: the cases posted within the
// window (an indexed range on posted_at, a few hundred rows even on a decade's store, read up to
// MAX_CANDIDATES), and those of the window the search index finds alike, which a window fuller
// than that still yields.

const MAX_CANDIDATES = 1000

export async function incidentSettings(store: Store): Promise<IncidentSettings> {
  return {...DEFAULT_INCIDENTS, ...((await store.settings.get<Partial<IncidentSettings>>('triage.incidents')) ?? {})}
}

/** alike: the index's answer for c, when the caller already asked it (store.cases.similar). */
export async function incidentCandidates(store: Store, c: Pick<Case, 'id' | 'postedAt' | 'title' | 'body'>, s: IncidentSettings, alike?: Case[]): Promise<IncidentMessage[]> {
  const at = Date.parse(c.postedAt)
  const windowMs = s.windowMinutes * 60_000
  const rows = await store.cases.list({since: new Date(at - windowMs).toISOString(), until: new Date(at + windowMs + 1).toISOString(), limit: MAX_CANDIDATES})
  const inWindow = (o: Case) => Math.abs(Date.parse(o.postedAt) - at) <= windowMs
  const similar = (alike ?? (await store.cases.similar(c, {limit: SIMILAR, excludeId: c.id}))).filter(inWindow)
  const all = new Map([...rows, ...similar].map((o) => [o.id, o]))
  return [...all.values()].filter((o) => o.id !== c.id && o.status !== 'rejected')
}

const SIMILAR = 50

/**
 * When the incident's clock started: the earliest start among its messages already taken into
 * work, so a message joining the incident shares its deadline. Null when none has started.
 */
export async function incidentStart(store: Store, incident: Incident | null): Promise<string | null> {
  if (!incident) return null
  let start: number | null = null
  for (const id of incident.ids) {
    const clock = await store.sla.getClock(id)
    if (clock && (start === null || Date.parse(clock.history.start) < start)) start = Date.parse(clock.history.start)
  }
  return start === null ? null : new Date(start).toISOString()
}

export async function findIncident(store: Store, c: Case, s: IncidentSettings): Promise<Incident | null> {
  return detectIncident(c, await incidentCandidates(store, c, s), s)
}
