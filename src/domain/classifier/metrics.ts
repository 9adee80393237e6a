// Per-class precision, recall and F1, and their macro average: every category counts the same,
// so a model that ignores the small ones (交通运输) cannot hide behind the big ones.

export interface ClassScore {
  label: string
  precision: number
  recall: number
  f1: number
  support: number
}

export interface Evaluation {
  classes: ClassScore[]
  macroF1: number
  accuracy: number
  n: number
}

export function evaluate(gold: string[], predicted: string[]): Evaluation {
  const labels = [...new Set(gold)].sort()
  const classes = labels.map((label) => {
    let tp = 0
    let fp = 0
    let fn = 0
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp++
      else if (predicted[i] === label) fp++
      else if (gold[i] === label) fn++
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return {label, precision, recall, f1, support: tp + fn}
  })
  const correct = gold.filter((g, i) => g === predicted[i]).length
  return {classes, macroF1: classes.reduce((s, c) => s + c.f1, 0) / Math.max(1, classes.length), accuracy: correct / Math.max(1, gold.length), n: gold.length}
}

/**
 * Stratified k folds: fold[i] is the fold of item i. Deterministic for a seed, so a reported score
 * can be reproduced.
 */
export function stratifiedFolds(labels: string[], k: number, seed = 1): number[] {
  let state = seed >>> 0 || 1
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  const byLabel = new Map<string, number[]>()
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]))
  const fold = new Array<number>(labels.length).fill(0)
  let offset = 0
  for (const label of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(label)!
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[idx[i], idx[j]] = [idx[j], idx[i]]
    }
    // Continue the round-robin across labels so fold sizes stay even too.
    idx.forEach((item, n) => (fold[item] = (n + offset) % k))
    offset += idx.length
  }
  return fold
}
