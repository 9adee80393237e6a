// How citizens' verdicts are spelled in exports and on the command line.

const SATISFIED = new Set(['satisfied', 'yes', 'y', 'true', '1', '满意', '非常满意', '基本满意', '好评'])
const UNSATISFIED = new Set(['unsatisfied', 'dissatisfied', 'no', 'n', 'false', '0', '不满意', '非常不满意', '差评'])

/** true / false, or undefined when the text is not a verdict board knows. */
export function parseRating(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase()
  if (SATISFIED.has(v)) return true
  if (UNSATISFIED.has(v)) return false
  return undefined
}

/** Column names a ratings CSV may use for each field (English or the platform's Chinese). */
export const RATING_COLUMNS = {
  ref: ['ref', '留言编号'],
  rating: ['rating', '评价', '满意度', '评价结果'],
  comment: ['comment', '评价内容', '点评', '意见'],
  time: ['time', '评价时间', 'rated_at', 'ratedAt'],
} as const
