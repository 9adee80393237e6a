import type {Row} from '../executor.js'

// The statistics' one pass over cases as an aggregate function, for a database without hash
// aggregation. SQLite's GROUP BY sorts every row before its aggregates see them, and its
// percentile_cont keeps and sorts each group's values once per percentile asked: on a large store
// those two were most of `board stats`. This aggregate keeps the groups in a hash
// table and each measure's values once, and finds both percentiles by selection. It returns what the
// SQL GROUP BY returns (SqlStats builds either), row for row and in the same order.

/** Yes/no facts of a case, as the bits of the integer SqlStats passes (its `facts`). */
export const FACTS = ['replied', 'resolved', 'suggestions', 'respond_due', 'respond_on_time', 'resolve_due', 'resolve_on_time'] as const
/** The handling-time measures, in the order SqlStats passes them. */
export const MEASURES = ['respond', 'resolve', 'respond_w', 'resolve_w'] as const

class Measure {
  private values = new Float64Array(64)
  n = 0
  // Neumaier-compensated, as SQLite's own sum() and avg() are: the mean of millions of
  // fractional days stays the one the SQL path gives.
  private sum = 0
  private compensation = 0

  add(v: number): void {
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.n * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.n++] = v
    const t = this.sum + v
    this.compensation += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum
    this.sum = t
  }

  columns(name: string, into: Row): void {
    into[`${name}_n`] = this.n
    if (this.n === 0) {
      into[`${name}_mean`] = into[`${name}_median`] = into[`${name}_p90`] = null
      return
    }
    const values = this.values.subarray(0, this.n)
    into[`${name}_mean`] = (this.sum + this.compensation) / this.n
    // Fractions in increasing order: each selection leaves the values above it to the next.
    into[`${name}_median`] = percentileCont(values, 0.5, 0)
    into[`${name}_p90`] = percentileCont(values, 0.9, Math.floor(0.5 * (this.n - 1)) + 1)
  }
}

/**
 * percentile_cont: linear interpolation at fraction × (n − 1) of the values in order, as SQLite
 * and PostgreSQL compute it. Found by selection, not by sorting: a sort of every group's values
 * was a sixth of `board stats`. Reorders `values`; every value before `from` must be no greater
 * than the one asked for (an earlier call with a smaller fraction leaves them so).
 */
export function percentileCont(values: Float64Array, fraction: number, from = 0): number {
  const at = fraction * (values.length - 1)
  const lo = Math.floor(at)
  select(values, lo, Math.min(from, lo), values.length - 1)
  if (at === lo) return values[lo]
  let next = values[lo + 1]
  for (let i = lo + 2; i < values.length; i++) if (values[i] < next) next = values[i]
  return values[lo] + (next - values[lo]) * (at - lo)
}

/**
 * Hoare's selection: puts the k-th smallest of a[left..right] at k, smaller before it, larger after.
 * Input made to defeat the median of three would take quadratic time: after as many rounds as a
 * fair run needs (about twice log2 n; `rounds` for tests), the rest is sorted instead.
 */
export function select(a: Float64Array, k: number, left: number, right: number, rounds = 2 * Math.ceil(Math.log2(right - left + 2))): void {
  for (; right > left; rounds--) {
    if (rounds === 0) {
      a.subarray(left, right + 1).sort()
      return
    }
    // The median of three as pivot: ordered or reversed input stays linear.
    const mid = (left + right) >>> 1
    if (a[mid] < a[left]) swap(a, mid, left)
    if (a[right] < a[left]) swap(a, right, left)
    if (a[right] < a[mid]) swap(a, right, mid)
    const pivot = a[mid]
    let i = left
    let j = right
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) swap(a, i++, j--)
    }
    if (k <= j) right = j
    else if (k >= i) left = i
    else return
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]
  a[i] = a[j]
  a[j] = t
}

class Group {
  n = 0
  readonly facts = new Array<number>(FACTS.length).fill(0)
  readonly measures = MEASURES.map(() => new Measure())
  constructor(readonly keys: readonly unknown[]) {}
}

/** One aggregate's state: nested maps, one level per key, with the groups at the leaves. */
export interface GroupsState {
  root: Map<unknown, unknown>
  groups: Group[]
}

export const startGroups = (): GroupsState => ({root: new Map(), groups: []})

/** A case: its facts' bits, its four measures (null when not known), then its group's keys. */
export function stepGroups(state: GroupsState, facts: number, m0: number | null, m1: number | null, m2: number | null, m3: number | null, keys: readonly unknown[]): void {
  let node = state.root
  for (let i = 0; i < keys.length - 1; i++) {
    let next = node.get(keys[i]) as Map<unknown, unknown> | undefined
    if (!next) node.set(keys[i], (next = new Map()))
    node = next
  }
  const last = keys.length > 0 ? keys[keys.length - 1] : null
  let g = node.get(last) as Group | undefined
  if (!g) {
    node.set(last, (g = new Group([...keys])))
    state.groups.push(g)
  }
  g.n++
  for (let i = 0; facts !== 0; i++, facts >>>= 1) if (facts & 1) g.facts[i]++
  if (m0 !== null) g.measures[0].add(m0)
  if (m1 !== null) g.measures[1].add(m1)
  if (m2 !== null) g.measures[2].add(m2)
  if (m3 !== null) g.measures[3].add(m3)
}

/** The aggregate's value: the rows, as JSON text (numbers round-trip exactly through JSON.parse). */
export function finishGroups(state: GroupsState): string {
  const rows = state.groups.map((g) => {
    const row: Row = {}
    g.keys.forEach((k, i) => (row[`k${i}`] = k))
    row.n = g.n
    FACTS.forEach((name, i) => (row[name] = g.facts[i]))
    MEASURES.forEach((name, i) => g.measures[i].columns(name, row))
    return row
  })
  return JSON.stringify(rows.sort((a, b) => compareKeys(a, b, state.groups[0]?.keys.length ?? 0)))
}

// ORDER BY k0, k1, … as SQLite orders them: NULL first, then numbers, then text by its UTF-8 bytes.
function compareKeys(a: Row, b: Row, keys: number): number {
  for (let i = 0; i < keys; i++) {
    const c = compareValues(a[`k${i}`], b[`k${i}`])
    if (c !== 0) return c
  }
  return 0
}

function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : 2)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (rank(a) === 0) return 0
  if (rank(a) === 1) return (a as number) - (b as number)
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)))
}
