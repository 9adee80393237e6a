// Possible duplicates (并案): another case by the same author, or with nearly the same text, posted
// within a window. Text similarity is the Jaccard index of character 3-shingles: cheap, needs no
// word segmentation, and robust to the small edits people make when they post again.

export interface DupCandidate {
  id: number
  title: string
  body: string
  author: string | null
  postedAt: string
}

export interface Duplicate {
  id: number
  score: number
  reasons: string[]
}

export function shingles(text: string, n = 3): Set<string> {
  const chars = [...text.replace(/[\s\p{P}]+/gu, '')]
  const out = new Set<string>()
  if (chars.length < n) {
    if (chars.length > 0) out.add(chars.join(''))
    return out
  }
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''))
  return out
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let inter = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const s of small) if (large.has(s)) inter++
  return inter / (a.size + b.size - inter)
}

export function findDuplicates(
  target: DupCandidate,
  others: DupCandidate[],
  opts: {windowDays?: number; minSimilarity?: number; limit?: number} = {},
): Duplicate[] {
  const windowMs = (opts.windowDays ?? 30) * 86_400_000
  const min = opts.minSimilarity ?? 0.5
  const at = Date.parse(target.postedAt)
  const mine = shingles(target.title + target.body)
  const found: Duplicate[] = []
  for (const o of others) {
    if (o.id === target.id || Math.abs(Date.parse(o.postedAt) - at) > windowMs) continue
    const sim = jaccard(mine, shingles(o.title + o.body))
    const sameAuthor = target.author !== null && target.author !== '' && o.author === target.author
    if (!sameAuthor && sim < min) continue
    const reasons: string[] = []
    if (sameAuthor) reasons.push(`same author ${target.author}`)
    if (sim >= min) reasons.push(`text ${Math.round(sim * 100)}% similar`)
    found.push({id: o.id, score: Math.max(sim, sameAuthor ? 0.5 : 0), reasons})
  }
  return found.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, opts.limit ?? 5)
}
