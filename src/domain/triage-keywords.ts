import type {CaseType} from './case.js'

// Keyword lists behind the type and urgency suggestions. The defaults ship with board; a team adds
// its own words with the shared setting `triage.keywords` (merged into these, never replacing them,
// so an upgrade's new defaults still reach a team that customised).

export const URGENCY_FLAGS = ['collective', 'utility', 'safety', 'urgent'] as const
export type UrgencyFlag = (typeof URGENCY_FLAGS)[number]

export interface TriageKeywords {
  types: Record<Exclude<CaseType, 'other'>, string[]>
  flags: Record<UrgencyFlag, string[]>
}

export const DEFAULT_KEYWORDS: TriageKeywords = {
  types: {
    suggestion: ['建议', '建言', '提议', '倡议', '呼吁', '希望政府', '希望相关部门', '恳请', '应该', '加快', '完善', '增设', '规划'],
    complaint: ['投诉', '举报', '不作为', '扰民', '违规', '违法', '乱收费', '拖欠', '噪音', '污染', '欺诈', '侵占', '强行', '霸王', '脏乱差', '乱象', '敷衍'],
    inquiry: ['咨询', '请问', '如何办理', '怎么办理', '是否', '何时', '什么时候', '能不能', '可不可以', '可以吗', '有没有', '哪里', '多久', '政策'],
    help: ['求助', '求救', '救救', '帮帮', '帮忙', '救助', '走投无路', '无家可归', '生活困难', '看病难', '无力', '无助'],
  },
  flags: {
    collective: ['多户', '几十户', '上百户', '数百户', '全体业主', '广大业主', '业主们', '村民们', '居民们', '全村', '联名', '集体', '众多', '上千'],
    utility: ['停水', '停电', '断水', '断电', '断气', '燃气', '天然气', '煤气', '暖气', '供暖', '供水', '供电', '自来水', '水压'],
    safety: ['坍塌', '倒塌', '塌陷', '火灾', '危险', '安全隐患', '爆炸', '触电', '危房', '泄漏', '裂缝', '溺水', '伤亡'],
    urgent: ['紧急', '十万火急', '刻不容缓', '迫在眉睫', '危急', '人命关天', '马上处理', '立即处理'],
  },
}

/** The defaults with a team's additions merged in (deduplicated, order kept). */
export function mergeKeywords(extra: Partial<{types: Partial<Record<string, string[]>>; flags: Partial<Record<string, string[]>>}> | undefined): TriageKeywords {
  const merge = <K extends string>(base: Record<K, string[]>, add: Partial<Record<string, string[]>> | undefined): Record<K, string[]> => {
    const out = {} as Record<K, string[]>
    for (const k of Object.keys(base) as K[]) out[k] = [...new Set([...base[k], ...(add?.[k] ?? [])])]
    return out
  }
  return {types: merge(DEFAULT_KEYWORDS.types, extra?.types), flags: merge(DEFAULT_KEYWORDS.flags, extra?.flags)}
}

/** Problems in a `triage.keywords` value, each naming its path. */
export function validateKeywords(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['expected {types: {...}, flags: {...}}']
  const problems: string[] = []
  const groups: Record<string, readonly string[]> = {types: Object.keys(DEFAULT_KEYWORDS.types), flags: URGENCY_FLAGS}
  for (const [group, body] of Object.entries(value as Record<string, unknown>)) {
    if (!(group in groups)) {
      problems.push(`${group}: unknown (use types or flags)`)
      continue
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      problems.push(`${group}: expected a mapping`)
      continue
    }
    for (const [k, words] of Object.entries(body as Record<string, unknown>)) {
      if (!groups[group].includes(k)) problems.push(`${group}.${k}: unknown (known: ${groups[group].join(', ')})`)
      else if (!Array.isArray(words) || words.some((w) => typeof w !== 'string' || w.trim() === '')) problems.push(`${group}.${k}: expected a list of non-empty words`)
    }
  }
  return problems
}
