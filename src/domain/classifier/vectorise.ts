import {extract, type FeatureOptions} from './features.js'

export interface SparseVector {
  idx: Int32Array
  val: Float32Array
}

export interface Vocabulary {
  index: Map<string, number>
  idf: Float32Array
  features: FeatureOptions
}

/** Sublinear TF × IDF over the known n-grams, L2-normalised so long letters do not dominate. */
export function vectorise(vocab: Vocabulary, title: string, body: string): SparseVector {
  const idx: number[] = []
  const tf: number[] = []
  for (const [gram, count] of extract(title, body, vocab.features)) {
    const i = vocab.index.get(gram)
    if (i === undefined) continue
    idx.push(i)
    tf.push(count)
  }
  return tfidf(Int32Array.from(idx), Float32Array.from(tf), vocab.idf)
}

function tfidf(idx: Int32Array, counts: Float32Array, idf: Float32Array): SparseVector {
  const val = new Float32Array(idx.length)
  let norm = 0
  for (let t = 0; t < idx.length; t++) {
    const v = (1 + Math.log(counts[t])) * idf[idx[t]]
    val[t] = v
    norm += v * v
  }
  norm = Math.sqrt(norm) || 1
  for (let t = 0; t < val.length; t++) val[t] /= norm
  return {idx, val}
}

/**
 * Builds the vocabulary (n-grams seen in at least minDf documents, at most maxFeatures of the most
 * frequent, with smoothed IDF) and the training vectors in one pass: every n-gram string is hashed
 * once, which is most of the training time on 10,000 messages.
 */
export function vocabularyAndVectors(
  docs: {title: string; body: string}[],
  features: FeatureOptions,
  opts: {minDf: number; maxFeatures: number},
): {vocab: Vocabulary; vectors: SparseVector[]} {
  const ids = new Map<string, number>()
  const df: number[] = []
  const raw = docs.map((d) => {
    const counts = extract(d.title, d.body, features)
    const idx = new Int32Array(counts.size)
    const cnt = new Float32Array(counts.size)
    let j = 0
    for (const [gram, n] of counts) {
      let id = ids.get(gram)
      if (id === undefined) {
        id = df.length
        ids.set(gram, id)
        df.push(0)
      }
      df[id]++
      idx[j] = id
      cnt[j++] = n
    }
    return {idx, cnt}
  })
  const kept: number[] = []
  for (let id = 0; id < df.length; id++) if (df[id] >= opts.minDf) kept.push(id)
  // Array.prototype.sort is stable: ties keep first-seen order, so a model is reproducible.
  kept.sort((a, b) => df[b] - df[a])
  kept.length = Math.min(kept.length, opts.maxFeatures)
  const remap = new Int32Array(df.length).fill(-1)
  kept.forEach((id, i) => (remap[id] = i))
  const idf = Float32Array.from(kept, (id) => Math.log((1 + docs.length) / (1 + df[id])) + 1)
  const index = new Map<string, number>()
  for (const [gram, id] of ids) if (remap[id] >= 0) index.set(gram, remap[id])
  const vectors = raw.map(({idx, cnt}) => {
    const outIdx: number[] = []
    const outCnt: number[] = []
    for (let t = 0; t < idx.length; t++) {
      const i = remap[idx[t]]
      if (i >= 0) outIdx.push(i), outCnt.push(cnt[t])
    }
    return tfidf(Int32Array.from(outIdx), Float32Array.from(outCnt), idf)
  })
  return {vocab: {index, idf, features}, vectors}
}

/** The n-grams in index order (the Map's own order need not be). */
export function gramList(vocab: Vocabulary): string[] {
  const grams = new Array<string>(vocab.idf.length)
  for (const [gram, i] of vocab.index) grams[i] = gram
  return grams
}
