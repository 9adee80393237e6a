import {catalogues} from './messages/index.js'
import type {Messages} from './messages/messages.js'

// Clerks read Chinese; admins' scripts read English. Chosen by --lang, else LC_ALL / LC_MESSAGES / LANG.
export type Lang = 'en' | 'zh'

export function detectLang(flag?: string, configLocale?: string): Lang {
  // POSIX: an empty variable counts as unset.
  const env = (name: string) => process.env[name] || undefined
  const raw = flag ?? env('LC_ALL') ?? env('LC_MESSAGES') ?? env('LANG') ?? configLocale ?? ''
  return /^zh/i.test(raw) ? 'zh' : 'en'
}

const messages: Messages = Object.assign({}, ...catalogues)

export function translate(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const m = messages[key]
  const text = m ? m[lang] : key
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`))
}
