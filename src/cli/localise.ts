import {catalogues} from '../i18n/messages/index.js'
import type {Lang} from '../i18n/translate.js'

// One translation path. Code speaks through catalogue keys (translate()); text that services,
// the store and the domain produce in English (an error, a check's reason) is the catalogue's
// English, as in gettext, where the English text is the message id: at the terminal it is
// matched against the catalogue's English templates and said in the user's language. Values
// caught in a template ({reason}) are localised the same way, so nested messages read whole.

interface Pattern {
  re: RegExp
  names: string[]
  zh: string
  /** One word, not a sentence: said again only as a whole message, or as a status or stage. */
  word: boolean
}

let patterns: Pattern[] | undefined

function compile(): Pattern[] {
  const out: (Pattern & {fixed: number})[] = []
  for (const c of catalogues) {
    for (const [key, m] of Object.entries(c)) {
      const parts = m.en.split(/\{(\w+)\}/)
      const fixed = parts.filter((_, i) => i % 2 === 0).join('')
      // A template that is all placeholder (or nearly) would match anything.
      if (fixed.replace(/[\s\p{P}]/gu, '').length < 2) continue
      const names: string[] = []
      const source = parts.map((p, i) => (i % 2 === 0 ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : (names.push(p), '([\\s\\S]*?)'))).join('')
      const word = names.length === 0 && !/\s/.test(m.en) && !/^(?:status\.|sla\.)/.test(key)
      out.push({re: new RegExp(`^${source}$`), names, zh: m.zh, word, fixed: fixed.length})
    }
  }
  // The most specific template wins: "no case {id}" before "{file}: {reason}".
  return out.sort((a, b) => b.fixed - a.fixed)
}

/** English text in the user's language, when the catalogue knows it; else as it is. */
export function localise(lang: Lang, text: string, depth = 0): string {
  if (lang === 'en' || text === '' || depth > 3) return text
  patterns ??= compile()
  for (const p of patterns) {
    // A value caught in a sentence (a unit code, a name) that happens to be an English word stays.
    if (depth > 0 && p.word) continue
    const m = p.re.exec(text)
    if (!m) continue
    const vars = new Map(p.names.map((n, i) => [n, localise(lang, m[i + 1], depth + 1)]))
    return p.zh.replace(/\{(\w+)\}/g, (all, n: string) => vars.get(n) ?? all)
  }
  return text
}
