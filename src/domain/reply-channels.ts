// Which channel a reply goes out on, from the shared setting `reply.channels`. Email applies only
// when the citizen left an address; the first channel in `order` that applies and is configured wins.

export type ChannelName = 'email' | 'webhook' | 'outbox'
export const CHANNEL_NAMES: readonly ChannelName[] = ['email', 'webhook', 'outbox']

export interface ChannelConfig {
  order?: ChannelName[]
  webhook?: {url: string; token?: string; tokenEnv?: string; timeoutMs?: number}
  email?: {host: string; port: number; secure?: boolean; from: string; user?: string; pass?: string; passEnv?: string; subject?: string}
  outbox?: {dir: string}
}

const EMAIL = /[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+/

/** The citizen's email address in a free-text contact field, if any. */
export function emailOf(contact: string | null): string | null {
  return contact?.match(EMAIL)?.[0] ?? null
}

export function chooseChannel(config: ChannelConfig, contact: string | null): ChannelName | null {
  for (const name of config.order ?? CHANNEL_NAMES) {
    if (!config[name]) continue
    if (name === 'email' && !emailOf(contact)) continue
    return name
  }
  return null
}

export function validateChannels(v: unknown): string[] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return ['expected a mapping']
  const c = v as Record<string, unknown>
  const problems: string[] = []
  for (const k of Object.keys(c)) if (!['order', ...CHANNEL_NAMES].includes(k)) problems.push(`${k}: unknown key`)
  if (c.order !== undefined) {
    if (!Array.isArray(c.order)) problems.push('order: expected a list')
    else c.order.forEach((n, i) => (CHANNEL_NAMES as readonly unknown[]).includes(n) || problems.push(`order[${i}]: expected one of ${CHANNEL_NAMES.join(', ')}`))
  }
  const obj = (k: string) => c[k] as Record<string, unknown>
  if (c.webhook !== undefined) {
    if (typeof obj('webhook')?.url !== 'string' || !/^https?:\/\//.test(obj('webhook').url as string)) problems.push('webhook.url: expected an http(s) URL')
  }
  if (c.email !== undefined) {
    if (typeof obj('email')?.host !== 'string') problems.push('email.host: expected a host name')
    if (!Number.isInteger(obj('email')?.port)) problems.push('email.port: expected a port number')
    if (typeof obj('email')?.from !== 'string') problems.push('email.from: expected a sender address')
  }
  if (c.outbox !== undefined && typeof obj('outbox')?.dir !== 'string') problems.push('outbox.dir: expected a directory')
  return problems
}
