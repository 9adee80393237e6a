import {DEFAULT_FEATURES, type FeatureOptions} from './features.js'
import {gramList, type SparseVector, vectorise, type Vocabulary, vocabularyAndVectors} from './vectorise.js'

// Category (分类) classifier: TF-IDF over character 1–3-grams and a multinomial logistic regression
// trained by SGD. Logistic rather than naive Bayes because its probabilities are calibrated enough
// to compare with --min-confidence, and it scored higher on the TipDM data (see README).

export interface Example {
  title: string
  body: string
  label: string
}

export interface TrainOptions {
  features: FeatureOptions
  minDf: number
  maxFeatures: number
  epochs: number
  learningRate: number
  l2: number
  seed: number
}

export const DEFAULT_TRAIN: TrainOptions = {features: DEFAULT_FEATURES, minDf: 2, maxFeatures: 60_000, epochs: 12, learningRate: 1, l2: 1e-6, seed: 7}

export interface Model {
  labels: string[]
  vocab: Vocabulary
  /** labels.length rows of vocab size, row-major. */
  weights: Float32Array
  bias: Float32Array
  trainedOn: number
}

export interface Prediction {
  label: string
  confidence: number
  /** The n-grams that pushed hardest towards the label. */
  reasons: string[]
  ranking: {label: string; p: number}[]
}

export function train(examples: Example[], opts: TrainOptions = DEFAULT_TRAIN): Model {
  const labels = [...new Set(examples.map((e) => e.label))].sort()
  const {vocab, vectors: xs} = vocabularyAndVectors(examples, opts.features, opts)
  const V = vocab.idf.length
  const K = labels.length
  const weights = new Float32Array(K * V)
  const bias = new Float32Array(K)
  const ys = examples.map((e) => labels.indexOf(e.label))
  const order = xs.map((_, i) => i)
  let state = opts.seed >>> 0 || 1
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32)
  const p = new Float64Array(K)
  let step = 0
  const total = opts.epochs * xs.length
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    for (const n of order) {
      const lr = opts.learningRate * (1 - step++ / total) + 0.01
      const x = xs[n]
      scores(weights, bias, V, x, p)
      softmax(p)
      // An example already learnt with a wide margin teaches nothing more: skipping it makes the
      // later epochs cheap (the L2 shrink it would apply is negligible at this l2).
      if (p[ys[n]] > 0.995) continue
      for (let k = 0; k < K; k++) {
        const g = p[k] - (k === ys[n] ? 1 : 0)
        if (Math.abs(g) < 1e-4) continue
        const row = k * V
        for (let t = 0; t < x.idx.length; t++) {
          const w = row + x.idx[t]
          weights[w] -= lr * (g * x.val[t] + opts.l2 * weights[w])
        }
        bias[k] -= lr * g * 0.1
      }
    }
  }
  return {labels, vocab, weights, bias, trainedOn: examples.length}
}

function scores(weights: Float32Array, bias: Float32Array, V: number, x: SparseVector, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) {
    let s = bias[k]
    const row = k * V
    for (let t = 0; t < x.idx.length; t++) s += weights[row + x.idx[t]] * x.val[t]
    out[k] = s
  }
}

function softmax(p: Float64Array): void {
  let max = -Infinity
  for (const v of p) max = Math.max(max, v)
  let sum = 0
  for (let k = 0; k < p.length; k++) sum += p[k] = Math.exp(p[k] - max)
  for (let k = 0; k < p.length; k++) p[k] /= sum
}

export function predict(model: Model, title: string, body: string, opts: {reasons?: number} = {}): Prediction {
  const V = model.vocab.idf.length
  const x = vectorise(model.vocab, title, body)
  const p = new Float64Array(model.labels.length)
  scores(model.weights, model.bias, V, x, p)
  softmax(p)
  let best = 0
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k
  const ranking = model.labels.map((label, k) => ({label, p: p[k]})).sort((a, b) => b.p - a.p)
  const reasons: string[] = []
  if ((opts.reasons ?? 0) > 0) {
    const grams = gramList(model.vocab)
    const contrib = [...x.idx].map((i, t) => ({i, c: model.weights[best * V + i] * x.val[t]})).sort((a, b) => b.c - a.c)
    for (const {i} of contrib) {
      const g = grams[i].replace(/^t:/, '')
      // Grams with the digit placeholder read badly ("a0县"); the rest are the citizen's own words.
      if ([...g].length < 2 || g.includes('0') || reasons.includes(g)) continue
      reasons.push(g)
      if (reasons.length >= opts.reasons!) break
    }
  }
  return {label: model.labels[best], confidence: p[best], reasons, ranking}
}
