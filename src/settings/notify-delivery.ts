import {registerSetting} from './registry.js'

export interface DeliverySettings {
  /** How long a run's claim on a reminder lasts without renewal: a killed run's reminders are retried after it. */
  claimSeconds: number
  /** Reminders in flight at once per run: at most this many can be repeated after a crash. */
  concurrency: number
}

export const DEFAULT_DELIVERY: DeliverySettings = {claimSeconds: 300, concurrency: 8}

export function validateDelivery(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['expected a mapping with claimSeconds and concurrency']
  const v = value as Record<string, unknown>
  const problems: string[] = []
  for (const k of Object.keys(v)) if (k !== 'claimSeconds' && k !== 'concurrency') problems.push(`${k}: unknown key (expected claimSeconds, concurrency)`)
  if (v.claimSeconds !== undefined && !(typeof v.claimSeconds === 'number' && v.claimSeconds >= 1)) problems.push('claimSeconds: expected a number of seconds ≥ 1')
  if (v.concurrency !== undefined && !(Number.isInteger(v.concurrency) && (v.concurrency as number) >= 1 && (v.concurrency as number) <= 64)) problems.push('concurrency: expected a whole number from 1 to 64')
  return problems
}

registerSetting({
  key: 'notify.delivery',
  description: 'reminder delivery: claimSeconds (a run\'s claim, renewed while it sends; a killed run\'s reminders are retried after it), concurrency (reminders in flight per run)',
  validate: validateDelivery,
  defaultValue: () => DEFAULT_DELIVERY,
})

registerSetting({
  key: 'store.locale',
  description: 'language of what board sends on the store\'s behalf (reminders): zh or en',
  validate: (v) => (v === 'zh' || v === 'en' ? [] : ['expected zh or en']),
  defaultValue: () => 'zh',
})
