// Where reminders go, per unit (setting `notify.channels`): webhooks (generic JSON or a WeCom,
// DingTalk or Feishu robot) and email. "*" applies to units without their own entry.

export type WebhookFormat = 'generic' | 'wecom' | 'dingtalk' | 'feishu'

export type Channel = {type: 'webhook'; url: string; format?: WebhookFormat} | {type: 'email'; to: string[]}

export interface ChannelSettings {
  smtp?: {host: string; port?: number; secure?: boolean; from: string; user?: string}
  units: Record<string, Channel[]>
}

export const DEFAULT_CHANNELS: ChannelSettings = {units: {}}

export function channelsFor(settings: ChannelSettings, unitCode: string | null, unitName: string | null): Channel[] {
  return settings.units[unitCode ?? ''] ?? settings.units[unitName ?? ''] ?? settings.units['*'] ?? []
}

export function validateChannels(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['expected a mapping with units (and smtp for email)']
  const v = value as Record<string, unknown>
  const problems: string[] = []
  for (const k of Object.keys(v)) if (k !== 'units' && k !== 'smtp') problems.push(`${k}: unknown key (expected units, smtp)`)
  let email = false
  if (!v.units || typeof v.units !== 'object' || Array.isArray(v.units)) problems.push('units: expected a mapping of unit code (or "*") to a list of channels')
  else for (const [unit, list] of Object.entries(v.units)) {
    if (!Array.isArray(list)) {
      problems.push(`units.${unit}: expected a list of channels`)
      continue
    }
    list.forEach((ch: Record<string, unknown>, i: number) => {
      const at = `units.${unit}[${i}]`
      if (ch?.type === 'webhook') {
        if (typeof ch.url !== 'string' || !/^https?:\/\//.test(ch.url)) problems.push(`${at}.url: expected an http(s) URL`)
        if (ch.format !== undefined && !['generic', 'wecom', 'dingtalk', 'feishu'].includes(ch.format as string)) problems.push(`${at}.format: expected generic, wecom, dingtalk or feishu`)
      } else if (ch?.type === 'email') {
        email = true
        if (!Array.isArray(ch.to) || ch.to.length === 0 || !ch.to.every((x) => typeof x === 'string' && x.includes('@'))) problems.push(`${at}.to: expected a list of email addresses`)
      } else problems.push(`${at}.type: expected webhook or email`)
    })
  }
  const smtp = v.smtp as Record<string, unknown> | undefined
  if (smtp !== undefined) {
    if (typeof smtp?.host !== 'string') problems.push('smtp.host: expected a host name')
    if (typeof smtp?.from !== 'string' || !smtp.from.includes('@')) problems.push('smtp.from: expected a sender address')
    if (smtp?.port !== undefined && !Number.isInteger(smtp.port)) problems.push('smtp.port: expected a port number')
  } else if (email) problems.push('smtp: needed for email channels (host, port, from)')
  return problems
}
