// Text → sparse character n-gram counts. Chinese needs no word segmentation for this: character
// 1–3-grams carry most of what words would, cost nothing to compute and cover unseen words.
// The title is what the citizen chose to lead with, so its n-grams count more than the body's.

export interface FeatureOptions {
  /** Longest n-gram (from 1). */
  maxN: number
  /** Weight of a title n-gram relative to a body one. */
  titleWeight: number
  /** Only the first this many characters of the body: long letters repeat themselves. */
  bodyChars: number
}

export const DEFAULT_FEATURES: FeatureOptions = {maxN: 3, titleWeight: 3, bodyChars: 800}

/** NFKC, lower case, every digit run → "0", whitespace and most punctuation → one separator. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\d+/g, '0')
    .replace(/[\s\p{P}\p{S}]+/gu, '|')
}

function addGrams(out: Map<string, number>, text: string, maxN: number, weight: number, prefix: string): void {
  // Splitting on separators first keeps n-grams inside one phrase. Slicing by UTF-16 units is
  // exact for the BMP (all common Chinese); a rare astral character just yields odd halves,
  // the same ones at training and at prediction.
  for (const piece of text.split('|')) {
    const len = piece.length
    for (let i = 0; i < len; i++) {
      for (let n = 1; n <= maxN && i + n <= len; n++) {
        const key = prefix === '' ? piece.slice(i, i + n) : prefix + piece.slice(i, i + n)
        out.set(key, (out.get(key) ?? 0) + weight)
      }
    }
  }
}

/**
 * Weighted n-gram counts of one message. Title grams are counted both on their own (prefix "t:")
 * and with the body's, so a model can learn both "this in the title" and "this anywhere".
 */
export function extract(title: string, body: string, opts: FeatureOptions = DEFAULT_FEATURES): Map<string, number> {
  const out = new Map<string, number>()
  const t = normalise(title)
  addGrams(out, t, opts.maxN, opts.titleWeight, '')
  addGrams(out, t, Math.min(2, opts.maxN), 1, 't:')
  addGrams(out, normalise(body.slice(0, opts.bodyChars)), opts.maxN, 1, '')
  return out
}
