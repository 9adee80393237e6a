// The refs already seen in one file, to tell a verbatim repeat from a clash. A file may hold
// millions of rows, and the parse worker's heap is capped, so this lives outside the JS heap: an
// open-addressing table in typed arrays, ~40 bytes a ref. A numeric ref (most exports) is its own
// key, exactly; any other ref is keyed by a 52-bit hash of it (a false match needs a clash of that
// hash and of the 16-bit content hash, ~1 in 10^16 per pair).

const EMPTY = 0

export class SeenRefs {
  private keys = new Float64Array(1 << 16)
  private slots = new Int32Array(1 << 16)
  private lines = new Uint32Array(1 << 15)
  private hashes = new Uint16Array(1 << 15)
  private n = 0

  get size(): number {
    return this.n
  }

  /** The first line and content hash of ref, if seen. */
  get(ref: string): {line: number; hash: number} | undefined {
    const k = key(ref)
    const mask = this.keys.length - 1
    for (let i = spread(k) & mask; this.keys[i] !== EMPTY; i = (i + 1) & mask) {
      if (this.keys[i] === k) {
        const at = this.slots[i]
        return {line: this.lines[at], hash: this.hashes[at]}
      }
    }
    return undefined
  }

  /** Records a ref not seen before (call get first). */
  add(ref: string, line: number, hash: number): void {
    if (this.n === this.lines.length) this.grow()
    this.lines[this.n] = line
    this.hashes[this.n] = hash & 0xffff
    this.place(key(ref), this.n++)
  }

  private place(k: number, at: number): void {
    const mask = this.keys.length - 1
    let i = spread(k) & mask
    while (this.keys[i] !== EMPTY) i = (i + 1) & mask
    this.keys[i] = k
    this.slots[i] = at
  }

  /** Doubles everything; the table stays at most half full. */
  private grow(): void {
    const lines = new Uint32Array(this.lines.length * 2)
    lines.set(this.lines)
    this.lines = lines
    const hashes = new Uint16Array(this.hashes.length * 2)
    hashes.set(this.hashes)
    this.hashes = hashes
    const oldKeys = this.keys
    const oldSlots = this.slots
    this.keys = new Float64Array(oldKeys.length * 2)
    this.slots = new Int32Array(oldSlots.length * 2)
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.place(oldKeys[i], oldSlots[i])
  }
}

/** A positive integer ref is its own key; anything else a negative 52-bit hash (never 0). */
function key(ref: string): number {
  if (ref.length <= 15 && /^[1-9]\d*$/.test(ref)) return Number(ref)
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return -((a >>> 0) * 0x100000 + (b >>> 12) + 1)
}

/** Table position of a key: the two halves of the number mixed. */
function spread(k: number): number {
  const lo = k % 0x100000000 | 0
  const hi = (k / 0x100000000) | 0
  const h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b)
  return (h ^ (h >>> 13)) >>> 0
}
