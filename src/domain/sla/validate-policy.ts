import {parseHours} from './calendar.js'
import {FLAG_NAMES, parseTarget} from './policy.js'

const MATCH_KEYS = ['category', 'type', 'flags', 'unit', 'region', 'keywords']
const RULE_KEYS = ['name', 'match', 'respond', 'resolve', 'transfer', 'reminders']

const isText = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))

/** Problems in an `sla.policy` value, each naming the rule index and key. */
export function validatePolicy(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['expected a mapping with workingHours and rules']
  const v = value as Record<string, unknown>
  const problems: string[] = []
  for (const k of Object.keys(v)) if (k !== 'rules' && k !== 'workingHours') problems.push(`${k}: unknown key (expected workingHours, rules)`)
  if (v.workingHours !== undefined) {
    if (!Array.isArray(v.workingHours)) problems.push('workingHours: expected a list like ["09:00-12:00", "13:30-17:30"]')
    else v.workingHours.forEach((h, i) => {
      if (typeof h !== 'string' || !parseHours(h)) problems.push(`workingHours[${i}]: "${String(h)}" is not HH:MM-HH:MM`)
    })
  }
  if (!Array.isArray(v.rules) || v.rules.length === 0) return [...problems, 'rules: expected a non-empty list']
  v.rules.forEach((raw: unknown, i: number) => {
    const at = `rules[${i}]`
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return problems.push(`${at}: expected a mapping`)
    const r = raw as Record<string, unknown>
    for (const k of Object.keys(r)) if (!RULE_KEYS.includes(k)) problems.push(`${at}.${k}: unknown key (expected ${RULE_KEYS.join(', ')})`)
    if (r.respond === undefined && r.resolve === undefined) problems.push(`${at}: needs respond or resolve`)
    for (const k of ['respond', 'resolve'] as const) {
      if (r[k] !== undefined && !parseTarget(r[k])) problems.push(`${at}.${k}: "${String(r[k])}" is not a target (e.g. 2h, 24 hours, 15 working days, 8 working hours)`)
    }
    if (r.transfer !== undefined && !['keep', 'restart', 'remaining'].includes(r.transfer as string)) problems.push(`${at}.transfer: expected keep, restart or remaining`)
    if (r.match !== undefined) {
      if (!r.match || typeof r.match !== 'object' || Array.isArray(r.match)) problems.push(`${at}.match: expected a mapping`)
      else for (const [k, m] of Object.entries(r.match)) {
        if (!MATCH_KEYS.includes(k)) problems.push(`${at}.match.${k}: unknown key (expected ${MATCH_KEYS.join(', ')})`)
        else if (!isText(m)) problems.push(`${at}.match.${k}: expected text or a list of text`)
        else if (k === 'flags') for (const f of [m].flat() as string[]) if (!(FLAG_NAMES as readonly string[]).includes(f)) problems.push(`${at}.match.flags: unknown flag "${f}" (expected ${FLAG_NAMES.join(', ')})`)
      }
    }
    if (r.reminders !== undefined) {
      const rem = r.reminders as Record<string, unknown>
      if (!rem || typeof rem !== 'object') problems.push(`${at}.reminders: expected a mapping`)
      else {
        if (rem.at !== undefined && !(Array.isArray(rem.at) && rem.at.every((x) => typeof x === 'number' && x > 0))) problems.push(`${at}.reminders.at: expected fractions of the time allowed, e.g. [0.75, 1]`)
        for (const k of ['everyHours', 'escalateAt']) if (rem[k] !== undefined && !(typeof rem[k] === 'number' && (rem[k] as number) >= 0)) problems.push(`${at}.reminders.${k}: expected a number ≥ 0`)
      }
    }
  })
  return problems
}
