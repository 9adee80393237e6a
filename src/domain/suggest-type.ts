import type {CaseType} from './case.js'
import type {TriageKeywords, UrgencyFlag} from './triage-keywords.js'
import {URGENCY_FLAGS} from './triage-keywords.js'

export interface Suggested<T> {
  value: T
  /** 0..1: how sure the rule is; triage --auto compares it with --min-confidence. */
  confidence: number
  reasons: string[]
}

interface Hit {
  word: string
  where: 'title' | 'body'
}

function hits(words: string[], title: string, body: string): Hit[] {
  const found: Hit[] = []
  for (const word of words) {
    if (title.includes(word)) found.push({word, where: 'title'})
    else if (body.includes(word)) found.push({word, where: 'body'})
  }
  return found
}

const describe = (h: Hit) => `"${h.word}" in ${h.where}`

/**
 * 类型: the type whose keywords score highest (a title hit counts double: the title is what the
 * citizen chose to lead with). A question mark in the title counts as an inquiry hit. No hit → other.
 */
export function suggestType(title: string, body: string, kw: TriageKeywords): Suggested<CaseType> {
  let best: {type: CaseType; score: number; hits: Hit[]} = {type: 'other', score: 0, hits: []}
  let total = 0
  for (const [type, words] of Object.entries(kw.types) as [CaseType, string[]][]) {
    const found = hits(words, title, body)
    let score = found.reduce((s, h) => s + (h.where === 'title' ? 2 : 1), 0)
    if (type === 'inquiry' && /[?？]/.test(title)) {
      score += 2
      found.push({word: '？', where: 'title'})
    }
    total += score
    if (score > best.score) best = {type, score, hits: found}
  }
  if (best.score === 0) return {value: 'other', confidence: 0.5, reasons: ['no type keyword found']}
  return {value: best.type, confidence: Math.round((best.score / total) * 100) / 100, reasons: best.hits.map(describe)}
}

/** Urgency flags (群体性, 水电气热, 安全): each set when one of its keywords occurs, with the words as reasons. */
export function suggestFlags(title: string, body: string, kw: TriageKeywords): Record<UrgencyFlag, Suggested<boolean>> {
  const out = {} as Record<UrgencyFlag, Suggested<boolean>>
  for (const flag of URGENCY_FLAGS) {
    const found = hits(kw.flags[flag], title, body)
    out[flag] = {value: found.length > 0, confidence: found.length > 0 ? Math.min(1, 0.6 + 0.2 * found.length) : 1, reasons: found.map(describe)}
  }
  return out
}
