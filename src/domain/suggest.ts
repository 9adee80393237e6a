import type {CaseType} from './case.js'
import type {Prediction} from './classifier/model.js'
import {type DupCandidate, type Duplicate, findDuplicates} from './duplicates.js'
import {detectIncident, type Incident, type IncidentMessage, type IncidentSettings} from './incidents.js'
import {route, type RoutingRule} from './routing.js'
import {suggestFlags, suggestType, type Suggested} from './suggest-type.js'
import type {TriageKeywords, UrgencyFlag} from './triage-keywords.js'

// Everything board suggests for one message, each part with its reasons. Pure: the classifier comes
// in as a function, the other cases and rules as data.

export interface SuggestInput extends DupCandidate {
  category: string | null
  type: CaseType | null
  region: string | null
}

export interface Suggestion {
  category: Suggested<string> | null
  type: Suggested<CaseType>
  flags: Record<UrgencyFlag, Suggested<boolean>>
  unit: Suggested<string> | null
  duplicates: Duplicate[]
  /** Other citizens' messages about the same event, when there are enough: collective is suggested. */
  incident: Incident | null
  /** What --min-confidence is compared with: the category's confidence (0 when there is none). */
  confidence: number
}

export interface SuggestContext {
  classify?: (title: string, body: string) => Prediction
  keywords: TriageKeywords
  rules: RoutingRule[]
  /** Recent cases to look for duplicates among; omit to skip the search. */
  others?: DupCandidate[]
  /** Messages near this one in time, to look for a collective incident among; omit to skip. */
  incidentCandidates?: IncidentMessage[]
  incidents?: IncidentSettings
}

export function suggest(c: SuggestInput, ctx: SuggestContext): Suggestion {
  let category: Suggested<string> | null = null
  if (c.category) category = {value: c.category, confidence: 1, reasons: ['category already set']}
  else if (ctx.classify) {
    const p = ctx.classify(c.title, c.body)
    const runnerUp = p.ranking[1]
    category = {
      value: p.label,
      confidence: round(p.confidence),
      reasons: [`classifier ${Math.round(p.confidence * 100)}%` + (runnerUp ? ` (next: ${runnerUp.label} ${Math.round(runnerUp.p * 100)}%)` : ''), ...p.reasons.map((g) => `"${g}"`)],
    }
  }
  const type = c.type ? {value: c.type, confidence: 1, reasons: ['type already set']} : suggestType(c.title, c.body, ctx.keywords)
  const flags = suggestFlags(c.title, c.body, ctx.keywords)
  const incident = ctx.incidentCandidates ? detectIncident(c, ctx.incidentCandidates, ctx.incidents) : null
  if (incident) flags.collective = {value: true, confidence: 0.9, reasons: [...incident.reasons, ...flags.collective.reasons]}
  const routed = route({title: c.title, body: c.body, category: category?.value ?? null, region: c.region}, ctx.rules)
  return {
    category,
    type,
    flags,
    unit: routed ? {value: routed.unit, confidence: 1, reasons: routed.reasons} : null,
    duplicates: ctx.others ? findDuplicates(c, ctx.others) : [],
    incident,
    confidence: category?.confidence ?? 0,
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000
