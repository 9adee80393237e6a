// Key terms of Chinese text without a segmenter: character bigrams inside runs of CJK characters,
// plus Latin/number words. Bigrams that every message and reply share (greetings, office words)
// are dropped, so overlap measures whether a reply talks about THIS message.

const STOP = new Set(
  ('您好 你好 网友 市民 同志 反映 留言 收悉 回复 如下 现将 有关 相关 情况 感谢 支持 理解 监督 工作 问题 我们 你们 您的 ' +
    '希望 请问 谢谢 政府 部门 领导 是否 什么 怎么 为什么 一个 没有 已经 现在 这个 那个 可以 进行 要求 关于 目前 ' +
    '没有 不是 就是 还是 但是 因为 所以 如果 这些 那些 他们 自己 以及 对于 我们 一直 非常 已经 能够 应该 的问 题的 ' +
    '了解 关注 来信 您反 映的 的来 信已 已收 现回 复如 将有 关情 况回 复如 我局 我市 本人 的是 了一 是一 在我 我们')
    .split(' ')
    .filter(Boolean),
)

const CJK_RUN = /[\u3400-\u9fff]+/g
const WORD = /[A-Za-z]{3,}|\d{3,}/g

export function bigrams(text: string): string[] {
  const out: string[] = []
  for (const run of text.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const b = run.slice(i, i + 2)
      if (!STOP.has(b)) out.push(b)
    }
  }
  for (const w of text.match(WORD) ?? []) out.push(w.toLowerCase())
  return out
}

/** The title's terms and the body's most frequent ones: what a reply should talk about. */
export function keyTerms(title: string, body: string, bodyTerms = 15): Set<string> {
  const keys = new Set(bigrams(title))
  const counts = new Map<string, number>()
  for (const b of bigrams(body)) counts.set(b, (counts.get(b) ?? 0) + 1)
  const frequent = [...counts.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  for (const [b] of frequent.slice(0, bodyTerms)) keys.add(b)
  return keys
}

/** Share of the key terms that appear in text (0 when there are no key terms to look for). */
export function overlap(keys: Set<string>, text: string): {share: number; found: string[]} {
  if (keys.size === 0) return {share: 1, found: []}
  const present = new Set(bigrams(text))
  const found = [...keys].filter((k) => present.has(k))
  return {share: found.length / keys.size, found}
}
