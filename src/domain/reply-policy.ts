// A unit's rules for replies, from the shared setting `reply.policy`. Overrides are keyed by unit
// code; the nearest unit up the hierarchy that states a rule wins, so a bureau can set one rule
// for all its offices.

export type CheckMode = 'warn' | 'block'

export interface ReplyRules {
  requireApproval: boolean
  check: CheckMode
  minLength: number
  minOverlap: number
}

export interface ReplyPolicy extends Partial<ReplyRules> {
  units?: Record<string, Partial<ReplyRules>>
}

export const DEFAULT_RULES: ReplyRules = {requireApproval: false, check: 'warn', minLength: 50, minOverlap: 0.15}

/** unitChain: the case's unit code first, then its parents' codes (may be empty). */
export function rulesFor(policy: ReplyPolicy | undefined, unitChain: string[]): ReplyRules {
  const base: ReplyRules = {...DEFAULT_RULES, ...pick(policy ?? {})}
  for (const code of [...unitChain].reverse()) Object.assign(base, pick(policy?.units?.[code] ?? {}))
  return base
}

function pick(p: Partial<ReplyRules>): Partial<ReplyRules> {
  const out: Partial<ReplyRules> = {}
  if (p.requireApproval !== undefined) out.requireApproval = p.requireApproval
  if (p.check !== undefined) out.check = p.check
  if (p.minLength !== undefined) out.minLength = p.minLength
  if (p.minOverlap !== undefined) out.minOverlap = p.minOverlap
  return out
}

export function validateRules(v: unknown, path: string): string[] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [`${path}: expected a mapping`]
  const r = v as Record<string, unknown>
  const problems: string[] = []
  for (const key of Object.keys(r)) {
    if (!['requireApproval', 'check', 'minLength', 'minOverlap', 'units'].includes(key)) problems.push(`${path}${key}: unknown key`)
  }
  if (r.requireApproval !== undefined && typeof r.requireApproval !== 'boolean') problems.push(`${path}requireApproval: expected true or false`)
  if (r.check !== undefined && r.check !== 'warn' && r.check !== 'block') problems.push(`${path}check: expected warn or block`)
  if (r.minLength !== undefined && !(Number.isInteger(r.minLength) && (r.minLength as number) >= 0)) problems.push(`${path}minLength: expected a whole number ≥ 0`)
  if (r.minOverlap !== undefined && !(typeof r.minOverlap === 'number' && r.minOverlap >= 0 && r.minOverlap <= 1)) problems.push(`${path}minOverlap: expected a number from 0 to 1`)
  return problems
}

export function validatePolicy(v: unknown): string[] {
  const problems = validateRules(v, '')
  const units = (v as Record<string, unknown> | null)?.units
  if (units === undefined || problems.length > 0) return problems
  if (!units || typeof units !== 'object' || Array.isArray(units)) return ['units: expected a mapping of unit codes']
  for (const [code, rules] of Object.entries(units)) {
    problems.push(...validateRules(rules, `units.${code}.`))
    if (rules && typeof rules === 'object' && 'units' in rules) problems.push(`units.${code}.units: not allowed here`)
  }
  return problems
}
