import type {Case, CaseFlags} from '../case.js'
import {parseHours} from './calendar.js'
import type {TargetUnit} from './working-time.js'

// The SLA policy as teams write it in YAML (setting `sla.policy`): ordered rules, first match wins.

export const FLAG_NAMES = ['collective', 'utility', 'safety', 'urgent'] as const
/**
 * What a transfer does to the clock: `keep` the deadline; `restart` the full time from the
 * transfer; `remaining`: the receiving unit gets what was left, the clock stopped from the
 * transfer until that unit assigns the case (the handover does not count).
 */
export type TransferMode = 'keep' | 'restart' | 'remaining'

export interface Target {
  amount: number
  unit: TargetUnit
}

export interface ReminderLadder {
  /** Fractions of the time allowed at which to remind, e.g. [0.75, 1]. */
  at: number[]
  /** While overdue, remind again every this many hours (0: never). */
  everyHours: number
  /** At this multiple of the time allowed, escalate to the unit's supervisor (0: never). */
  escalateAt: number
}

export interface SlaRule {
  name?: string
  match?: {
    category?: string | string[]
    type?: string | string[]
    flags?: string[]
    unit?: string | string[]
    region?: string | string[]
    keywords?: string[]
  }
  respond?: string
  resolve?: string
  transfer?: TransferMode
  reminders?: Partial<ReminderLadder>
}

export interface SlaPolicy {
  /** Working periods, e.g. ["09:00-12:00", "13:30-17:30"], for working-hour targets. */
  workingHours?: string[]
  rules: SlaRule[]
}

export const DEFAULT_LADDER: ReminderLadder = {at: [0.75, 1], everyHours: 24, escalateAt: 2}

export const DEFAULT_POLICY: SlaPolicy = {
  workingHours: ['09:00-12:00', '13:30-17:30'],
  rules: [
    {name: 'urgent collective', match: {flags: ['urgent', 'collective']}, respond: '1h', resolve: '2h', transfer: 'keep'},
    {name: 'utilities', match: {flags: ['utility']}, respond: '4h', resolve: '24h', transfer: 'keep'},
    {name: 'utilities by keyword', match: {keywords: ['停水', '停电', '断水', '断电', '停气', '燃气', '供暖', '暖气']}, respond: '4h', resolve: '24h', transfer: 'keep'},
    {name: 'default', respond: '1 working day', resolve: '15 working days', transfer: 'keep'},
  ],
}

const UNITS: [RegExp, TargetUnit, number][] = [
  [/^(h|hours?|小时)$/, 'hours', 1],
  [/^(d|days?|天|日)$/, 'hours', 24],
  [/^(wd|working ?days?|工作日)$/, 'workingDays', 1],
  [/^(wh|working ?hours?|工作小时)$/, 'workingHours', 1],
]

/** "2h", "24 hours", "15 working days", "8wh", "3d" (real days) → a target. */
export function parseTarget(text: unknown): Target | undefined {
  if (typeof text === 'number') return text > 0 ? {amount: text, unit: 'hours'} : undefined
  if (typeof text !== 'string') return undefined
  const m = /^(\d+(?:\.\d+)?)\s*(.+)$/.exec(text.trim().toLowerCase())
  if (!m || Number(m[1]) <= 0) return undefined
  for (const [re, unit, factor] of UNITS) if (re.test(m[2].trim())) return {amount: Number(m[1]) * factor, unit}
  return undefined
}

export function formatTarget(t: Target): string {
  return t.unit === 'hours' ? `${t.amount} h` : t.unit === 'workingHours' ? `${t.amount} working h` : `${t.amount} working day${t.amount === 1 ? '' : 's'}`
}

const list = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v])

/** The first rule matching the case, with its index; a policy without a catch-all may match none. */
export function matchRule(policy: SlaPolicy, c: Pick<Case, 'category' | 'type' | 'flags' | 'unit' | 'region' | 'title' | 'body'> & {unitCode?: string | null}): {index: number; rule: SlaRule} | undefined {
  for (const [index, rule] of policy.rules.entries()) {
    const m = rule.match ?? {}
    const category = list(m.category)
    if (category && !category.includes(c.category ?? '')) continue
    const type = list(m.type)
    if (type && !type.includes(c.type ?? '')) continue
    if (m.flags && !m.flags.every((f) => c.flags[f as keyof CaseFlags])) continue
    const unit = list(m.unit)
    if (unit && !unit.some((u) => u === c.unit || u === c.unitCode)) continue
    const region = list(m.region)
    if (region && !region.some((r) => (c.region ?? '').includes(r))) continue
    if (m.keywords && !m.keywords.some((k) => c.title.includes(k) || c.body.includes(k))) continue
    return {index, rule}
  }
  return undefined
}

export function ladderOf(rule: SlaRule | undefined): ReminderLadder {
  return {...DEFAULT_LADDER, ...(rule?.reminders ?? {})}
}

export function policyHours(policy: SlaPolicy): [number, number][] {
  return (policy.workingHours ?? []).map((h) => parseHours(h)).filter((h): h is [number, number] => h !== undefined)
}
