import {predict} from '../../domain/classifier/model.js'
import type {RoutingRule} from '../../domain/routing.js'
import type {SuggestContext} from '../../domain/suggest.js'
import {mergeKeywords} from '../../domain/triage-keywords.js'
import type {Store} from '../../store/store.js'
import {loadClassifier} from './classifier.js'
import {incidentSettings} from './incident-lookup.js'
import type {IncidentSettings} from '../../domain/incidents.js'

export interface TriageContext extends SuggestContext {
  /** Unit code → id, for turning a routing result into an assignment. */
  unitIds: Map<string, number>
  hasModel: boolean
  /** Categories the model knows, for a clerk correcting one. */
  categories: string[]
  incidents: IncidentSettings
}

/** Shared lookups for a triage run, read once: settings, the model, the unit directory. */
export async function loadTriageContext(store: Store): Promise<TriageContext> {
  const model = await loadClassifier(store)
  const keywords = mergeKeywords((await store.settings.get('triage.keywords')) ?? undefined)
  const rules = (await store.settings.get<RoutingRule[]>('routing.rules')) ?? []
  const units = await store.units.list()
  return {
    classify: model ? (title, body) => predict(model, title, body, {reasons: 3}) : undefined,
    keywords,
    rules,
    unitIds: new Map(units.map((u) => [u.code, u.id])),
    hasModel: Boolean(model),
    categories: model?.labels ?? [],
    incidents: await incidentSettings(store),
  }
}
