import {shingles} from './duplicates.js'

// Collective incidents (群体性事件): several different citizens reporting what looks like the same
// event, in the same place, within a short window. Pure: the candidates come in as data (see
// services/incident-lookup.ts for where they are found).
//
// Text similarity is the share of character pairs of the shorter text found in the other, once
// place names are taken out: people describe one burst main in different words, but they share its
// words (水管, 爆裂, 自来水) far more than two unrelated messages from the same street do, and a shared
// street name must not make two unrelated messages look alike. Messages are linked in a chain
// (a message similar to any member joins), since each citizen echoes some of the others.

export interface IncidentSettings {
  /** Messages posted within this many minutes of each other can be one incident. */
  windowMinutes: number
  /** Different citizens needed to call it an incident. */
  minCitizens: number
  /** Least text similarity (0–1) for two messages to be linked. */
  minSimilarity: number
}

export const DEFAULT_INCIDENTS: IncidentSettings = {windowMinutes: 120, minCitizens: 3, minSimilarity: 0.15}

export interface IncidentMessage {
  id: number
  title: string
  body: string
  author: string | null
  postedAt: string
  region: string | null
}

export interface Incident {
  /** The other messages of the incident, oldest first. */
  ids: number[]
  citizens: number
  places: string[]
  reasons: string[]
}

const PLACE = /[\u4e00-\u9fff]{1,5}?(?:大道|路|街|巷|胡同|小区|村|镇|社区|广场|花园|大厦|公园|学校|市场|桥)/gu
// Words every request shares: they say nothing about the event.
const GENERIC = new Set(['请尽', '尽快', '快处', '处理', '希望', '相关', '部门', '领导', '您好', '谢谢', '问题', '反映', '解决', '恳请', '请求'])

/** Place names in a text, by their last three characters ("与和平街" and "和平街" are one place). */
export function placeKeys(text: string): Set<string> {
  return new Set([...text.matchAll(PLACE)].map((m) => [...m[0]].slice(-3).join('')))
}

function pairs(text: string): Set<string> {
  const out = shingles(text.replace(PLACE, ' '), 2)
  for (const g of GENERIC) out.delete(g)
  return out
}

export function textSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const x of small) if (large.has(x)) shared++
  return shared / small.size
}

/** The incident the target belongs to among candidates, or null when too few citizens report it. */
export function detectIncident(target: IncidentMessage, candidates: readonly IncidentMessage[], s: IncidentSettings = DEFAULT_INCIDENTS): Incident | null {
  const windowMs = s.windowMinutes * 60_000
  const at = Date.parse(target.postedAt)
  const text = (m: IncidentMessage) => `${m.title} ${m.body}`
  const targetPlaces = placeKeys(text(target))
  // Only messages in the target's place (a place name in common, or the same region) can join it.
  const near = candidates.filter((m) => m.id !== target.id && Math.abs(Date.parse(m.postedAt) - at) <= windowMs)
  const nodes = [target, ...near].map((m) => ({m, places: placeKeys(text(m)), pairs: pairs(text(m))}))
  const samePlace = (a: (typeof nodes)[number], b: (typeof nodes)[number]) =>
    (a.m.region !== null && a.m.region !== '' && a.m.region === b.m.region) || [...a.places].some((p) => b.places.has(p))
  const inPlace = nodes.filter((n, i) => i === 0 || samePlace(nodes[0], n) || [...n.places].some((p) => targetPlaces.has(p)))
  const linked = new Set([0])
  const queue = [0]
  while (queue.length > 0) {
    const i = queue.shift()!
    for (let j = 0; j < inPlace.length; j++) {
      if (linked.has(j) || !samePlace(inPlace[i], inPlace[j])) continue
      if (textSimilarity(inPlace[i].pairs, inPlace[j].pairs) < s.minSimilarity) continue
      linked.add(j)
      queue.push(j)
    }
  }
  const members = [...linked].map((i) => inPlace[i].m)
  const citizens = new Set(members.map((m) => (m.author && m.author.trim() !== '' ? `a:${m.author}` : `id:${m.id}`))).size
  if (citizens < s.minCitizens) return null
  const others = members.filter((m) => m.id !== target.id).sort((a, b) => Date.parse(a.postedAt) - Date.parse(b.postedAt) || a.id - b.id)
  const places = [...targetPlaces].filter((p) => others.some((m) => placeKeys(text(m)).has(p)))
  const span = Math.round((Math.max(...members.map((m) => Date.parse(m.postedAt))) - Math.min(...members.map((m) => Date.parse(m.postedAt)))) / 60_000)
  const where = places.length > 0 ? places.join('/') : (target.region ?? '')
  return {
    ids: others.map((m) => m.id),
    citizens,
    places,
    reasons: [`incident: ${citizens} citizens within ${span} min${where ? ` at ${where}` : ''}: ${others.map((m) => `#${m.id}`).join(' ')}`],
  }
}

/** Problems in a `triage.incidents` value. */
export function validateIncidents(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['expected a mapping with windowMinutes, minCitizens, minSimilarity']
  const v = value as Record<string, unknown>
  const problems: string[] = []
  for (const k of Object.keys(v)) if (!(k in DEFAULT_INCIDENTS)) problems.push(`${k}: unknown key (expected windowMinutes, minCitizens, minSimilarity)`)
  if (v.windowMinutes !== undefined && !(typeof v.windowMinutes === 'number' && v.windowMinutes > 0)) problems.push('windowMinutes: expected minutes > 0')
  if (v.minCitizens !== undefined && !(Number.isInteger(v.minCitizens) && (v.minCitizens as number) >= 2)) problems.push('minCitizens: expected a whole number ≥ 2')
  if (v.minSimilarity !== undefined && !(typeof v.minSimilarity === 'number' && v.minSimilarity > 0 && v.minSimilarity <= 1)) problems.push('minSimilarity: expected a number in (0, 1]')
  return problems
}
