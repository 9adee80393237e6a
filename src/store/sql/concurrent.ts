import type {ReadQuery, Row} from './executor.js'

export type {ReadQuery} from './executor.js'

/**
 * The first query here, the others elsewhere (another connection) at the same time; without an
 * elsewhere, one after another here. A query that fails elsewhere (no thread, no connection) is
 * run again here: slower, never wrong, and a real SQL error still surfaces.
 */
export async function concurrently(
  queries: readonly ReadQuery[],
  here: (q: ReadQuery) => Promise<Row[]>,
  elsewhere: ((q: ReadQuery) => Promise<Row[]>) | null,
): Promise<Row[][]> {
  const out: Row[][] = []
  if (!elsewhere || queries.length < 2) {
    for (const q of queries) out.push(await here(q))
    return out
  }
  const others = queries.slice(1).map((q) => elsewhere(q).then((rows) => ({rows}), () => null))
  out.push(await here(queries[0]))
  const rest = await Promise.all(others)
  for (let i = 0; i < rest.length; i++) out.push(rest[i]?.rows ?? (await here(queries[i + 1])))
  return out
}
