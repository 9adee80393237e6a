import type {CaseFlags} from '../../domain/case.js'

// The urgency a file states (紧急程度): one or more of the flags, separated by commas or spaces;
// "一般" and the like state there is none.
const WORDS: [RegExp, keyof CaseFlags | null][] = [
  [/^(紧急|特急|加急|急|urgent)$/i, 'urgent'],
  [/^(群体性|群体|collective)$/i, 'collective'],
  [/^(水电气热|水电气暖|utility|utilities)$/i, 'utility'],
  [/^(安全|safety)$/i, 'safety'],
  [/^(一般|普通|正常|无|否|normal|none|-)$/i, null],
]

/** The flags in raw, or undefined when a word is not an urgency. */
export function parseUrgency(raw: string): Partial<CaseFlags> | undefined {
  const flags: Partial<CaseFlags> = {}
  for (const word of raw.split(/[,，、;；\s/|]+/).filter((w) => w !== '')) {
    const hit = WORDS.find(([re]) => re.test(word))
    if (!hit) return undefined
    if (hit[1]) flags[hit[1]] = true
  }
  return flags
}
