// Routing rules (shared setting `routing.rules`): conditions on category, region and keywords → a
// unit code. The first rule that matches wins, and the result says which rule and why, so a clerk
// can see (and an admin can fix) every routing decision.

export interface RoutingRule {
  /** A label shown in reasons; defaults to "rule N". */
  name?: string
  category?: string | string[]
  /** Matches the case's region, or the text when the case has none (e.g. "A3区" in a title). */
  region?: string | string[]
  /** Any of these words in title or body. */
  keywords?: string[]
  unit: string
}

export interface RoutableCase {
  title: string
  body: string
  category: string | null
  region: string | null
}

export interface RouteResult {
  unit: string
  rule: number
  reasons: string[]
}

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])

export function route(c: RoutableCase, rules: RoutingRule[]): RouteResult | null {
  for (const [i, rule] of rules.entries()) {
    const label = rule.name ?? `rule ${i + 1}`
    const reasons: string[] = []
    const categories = list(rule.category)
    if (categories) {
      if (!c.category || !categories.includes(c.category)) continue
      reasons.push(`category ${c.category}`)
    }
    const regions = list(rule.region)
    if (regions) {
      const hit = regions.find((r) => (c.region ? c.region === r || c.region.startsWith(r) : c.title.includes(r) || c.body.includes(r)))
      if (!hit) continue
      reasons.push(c.region ? `region ${c.region}` : `region "${hit}" in text`)
    }
    if (rule.keywords) {
      const word = rule.keywords.find((w) => c.title.includes(w) || c.body.includes(w))
      if (!word) continue
      reasons.push(`keyword "${word}"`)
    }
    return {unit: rule.unit, rule: i, reasons: [`${label} → ${rule.unit}`, ...reasons]}
  }
  return null
}

export function validateRules(value: unknown): string[] {
  if (!Array.isArray(value)) return ['expected a list of rules']
  const problems: string[] = []
  const strings = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
  value.forEach((r, i) => {
    if (!r || typeof r !== 'object') return void problems.push(`[${i}]: expected a mapping`)
    const rule = r as Record<string, unknown>
    if (typeof rule.unit !== 'string' || rule.unit === '') problems.push(`[${i}].unit: required`)
    for (const k of ['category', 'region', 'keywords'] as const) if (rule[k] !== undefined && !strings(rule[k])) problems.push(`[${i}].${k}: expected text or a list of text`)
    for (const k of Object.keys(rule)) if (!['name', 'category', 'region', 'keywords', 'unit'].includes(k)) problems.push(`[${i}].${k}: unknown field`)
    if (rule.category === undefined && rule.region === undefined && rule.keywords === undefined) problems.push(`[${i}]: no condition (would match everything; put it last with a name if intended)`)
  })
  return problems
}
