import type {Case} from '../../domain/case.js'
import {DEFAULT_INCIDENTS, detectIncident, type Incident, type IncidentMessage, type IncidentSettings} from '../../domain/incidents.js'
import type {Store} from '../../store/store.js'

// Where the messages that may form an incident with a case are found. It is the one lookup to
// point at a full-text index when the store has one; today it reads the cases posted within the
// window (an indexed range on posted_at, a few hundred rows even on a decade's store).

const MAX_CANDIDATES = 1000

export async function incidentSettings(store: Store): Promise<IncidentSettings> {
  return {...DEFAULT_INCIDENTS, ...((await store.settings.get<Partial<IncidentSettings>>('triage.incidents')) ?? {})}
}

export async function incidentCandidates(store: Store, c: Pick<Case, 'id' | 'postedAt'>, s: IncidentSettings): Promise<IncidentMessage[]> {
  const at = Date.parse(c.postedAt)
  const windowMs = s.windowMinutes * 60_000
  const rows = await store.cases.list({since: new Date(at - windowMs).toISOString(), until: new Date(at + windowMs + 1).toISOString(), limit: MAX_CANDIDATES})
  return rows.filter((o) => o.id !== c.id && o.status !== 'rejected')
}

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
