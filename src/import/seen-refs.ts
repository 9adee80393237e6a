// The refs already seen in one file, to tell a verbatim repeat from a clash. Kept small because a
// file may hold millions of rows: numeric refs (most exports) are Map keys as small integers, and
// each ref's first line and 16-bit content hash live in typed arrays, not in objects.

export class SeenRefs {
  private readonly index = new Map<string | number, number>()
  private lines = new Uint32Array(4096)
  private hashes = new Uint16Array(4096)
  private n = 0

  /** The first line and content hash of ref, if seen. */
  get(ref: string): {line: number; hash: number} | undefined {
    const i = this.index.get(key(ref))
    return i === undefined ? undefined : {line: this.lines[i], hash: this.hashes[i]}
  }

  add(ref: string, line: number, hash: number): void {
    if (this.n === this.lines.length) {
      const lines = new Uint32Array(this.n * 2)
      lines.set(this.lines)
      this.lines = lines
      const hashes = new Uint16Array(this.n * 2)
      hashes.set(this.hashes)
      this.hashes = hashes
    }
    this.lines[this.n] = line
    this.hashes[this.n] = hash & 0xffff
    this.index.set(key(ref), this.n++)
  }
}

/** "12345" → 12345 (a small integer, no string kept); "0123" and "A-1" stay strings, so keys stay distinct. */
function key(ref: string): string | number {
  return ref.length <= 9 && /^[1-9]\d*$/.test(ref) ? Number(ref) : ref
}
