// Hot topics: messages about the same thing share most of their title's character pairs
// ("西地省…噪音扰民" and "…噪音扰民严重"). Greedy clustering on character-bigram overlap is crude
// but needs no dictionary or model, works on Chinese without word segmentation, and is
// deterministic. Clusters are ranked by weight = messages + √likes, so one viral post cannot
// outrank a topic many people wrote about, yet support still counts.

export interface TitleItem {
  id: number
  title: string
  likes: number
}

export interface HotTopic {
  /** the most-liked (then earliest listed) title of the cluster */
  label: string
  count: number
  likes: number
  weight: number
  ids: number[]
}

// Words every message uses say nothing about its topic.
const FILLER = /关于|请求|希望|建议|反映|投诉|咨询|问题|情况|相关部门|有关部门|领导|你好|您好|能否|是否|为什么|如何|怎么|什么|一下|[A-Z]\d*[市县区]|[^\p{L}\p{N}]/gu

export function bigrams(title: string): Set<string> {
  const s = title.replace(FILLER, '')
  const out = new Set<string>()
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2))
  if (out.size === 0 && s.length > 0) out.add(s)
  return out
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let common = 0
  for (const x of a) if (b.has(x)) common++
  // Overlap relative to the shorter title: a short title inside a long one is the same topic.
  return common / Math.min(a.size, b.size)
}

export function hotTopics(items: TitleItem[], opts: {threshold?: number; top?: number; maxClusters?: number} = {}): HotTopic[] {
  const threshold = opts.threshold ?? 0.6
  const maxClusters = opts.maxClusters ?? 500
  const clusters: {grams: Set<string>; topic: HotTopic}[] = []
  const ordered = [...items].sort((a, b) => b.likes - a.likes || a.id - b.id)
  for (const item of ordered) {
    const grams = bigrams(item.title)
    if (grams.size === 0) continue
    let best: (typeof clusters)[number] | undefined
    let bestScore = threshold
    for (const c of clusters) {
      const s = similarity(grams, c.grams)
      if (s >= bestScore) (best = c), (bestScore = s)
    }
    if (best) {
      best.topic.count++
      best.topic.likes += item.likes
      best.topic.ids.push(item.id)
    } else if (clusters.length < maxClusters) {
      clusters.push({grams, topic: {label: item.title, count: 1, likes: item.likes, weight: 0, ids: [item.id]}})
    }
  }
  for (const c of clusters) c.topic.weight = c.topic.count + Math.sqrt(c.topic.likes)
  return clusters
    .map((c) => c.topic)
    .filter((t) => t.count > 1 || t.likes > 0)
    .sort((a, b) => b.weight - a.weight || b.count - a.count)
    .slice(0, opts.top ?? 10)
}
