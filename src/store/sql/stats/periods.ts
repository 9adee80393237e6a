import {type PeriodKind, periodStarts} from '../../../domain/periods.js'
import type {Executor, Param} from '../executor.js'
import {instant} from '../rows.js'

export interface Dimension {
  sql: string
  params: Param[]
  /** A period's number (from 0) instead of its label, and the labels. */
  numbered?: {sql: string; params: Param[]; labels: string[]}
  /** A period's starting instants (epoch ms). */
  starts?: number[]
}

/**
 * A case's period: a search over the periods' starting instants, written out as nested CASEs
 * (depth log2 of the period count) over the posting time the index already holds.
 */
export async function periodDimension(db: Executor, kind: PeriodKind, tz: string): Promise<Dimension> {
  // Two subqueries: SQLite answers a lone min() or max() from the end of the index, but a query
  // asking for both scans every case.
  const range = await db.get<{lo: unknown; hi: unknown}>('SELECT (SELECT min(posted_at) FROM cases) AS lo, (SELECT max(posted_at) FROM cases) AS hi')
  const lo = instant(range?.lo)
  if (lo === null) return {sql: 'NULL', params: []}
  const starts = periodStarts(kind, lo, instant(range!.hi)!, tz)
  const search = (leaf: (i: number) => [string, Param]) => {
    const params: Param[] = []
    const step = (lo: number, hi: number): string => {
      if (hi - lo === 1) {
        const [sql, param] = leaf(lo)
        params.push(param)
        return sql
      }
      const mid = (lo + hi) >> 1
      params.push(new Date(starts[mid].start).toISOString())
      const when = `CASE WHEN c.posted_at < ? THEN `
      const left = step(lo, mid)
      const right = step(mid, hi)
      return `${when}${left} ELSE ${right} END`
    }
    return {sql: step(0, starts.length), params}
  }
  return {
    ...search((i) => ['CAST(? AS TEXT)', starts[i].label]),
    // Labels sort as their periods do, so the numbers group and order the same.
    numbered: {...search((i) => ['?', i]), labels: starts.map((p) => p.label)},
    starts: starts.map((p) => p.start),
  }
}
