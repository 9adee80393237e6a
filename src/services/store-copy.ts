import {stopHere} from './boundary.js'
import {BoardError, InterruptedError, UsageError} from '../errors.js'
import type {Param} from '../store/sql/executor.js'
import type {Store} from '../store/store.js'
import {indexAfterWrite} from './cases/search-index.js'
import type {TableInfo} from '../store/tables.js'

export interface TableCopy {
  table: string
  source: number
  target: number
  ok: boolean
}

export interface StoreCopyResult {
  from: string
  to: string
  dryRun: boolean
  replaced: boolean
  tables: TableCopy[]
  /** Tables only one side has (e.g. from a newer board); not copied. */
  skipped: string[]
  ok: boolean
  /** Cases of the target left for a catch-up of its search index (a large copy), 0 when none. */
  searchWaiting: number
}

export interface StoreCopyOptions {
  replace: boolean
  dryRun: boolean
  pageSize?: number
  onTable?: (table: string, rows: number) => void
  signal?: AbortSignal
}

/**
 * Copies every table both stores have, parents before children, ids kept, in one target
 * transaction; then counts both sides. A column that points into its own table (a unit's parent,
 * a merged case) is filled in after the whole table is in, since ids need not follow that order.
 */
export async function copyStore(from: Store, to: Store, opts: StoreCopyOptions): Promise<StoreCopyResult> {
  if (from.backend === to.backend && from.location === to.location) throw new UsageError('--from and --to name the same store')
  const [src, dst] = [await from.tables.list(), await to.tables.list()]
  const dstByName = new Map(dst.map((t) => [t.name, t]))
  const common = src.filter((t) => dstByName.has(t.name))
  const skipped = [...src, ...dst].map((t) => t.name).filter((n) => !common.some((c) => c.name === n)).sort()
  const order = parentsFirst(common)
  const result: StoreCopyResult = {from: from.location, to: to.location, dryRun: opts.dryRun, replaced: false, tables: [], skipped, ok: true, searchWaiting: 0}

  const occupied: string[] = []
  for (const t of order) if ((await to.tables.count(t.name)) > 0) occupied.push(t.name)
  if (occupied.length > 0 && !opts.replace) {
    throw new UsageError(`the target store is not empty (${occupied.join(', ')})`, 'pass --replace --yes to empty it first, or copy into a new store')
  }
  if (occupied.includes('events') && to.backend === 'sqlite') {
    throw new UsageError(`the target's audit log (events) is append-only and cannot be emptied`, 'copy into a new store file')
  }
  if (opts.dryRun) {
    for (const t of order) result.tables.push({table: t.name, source: await from.tables.count(t.name), target: 0, ok: true})
    return result
  }

  const page = opts.pageSize ?? 2000
  await to.transaction(async (target) => {
    if (occupied.length > 0) await target.tables.clear([...order].reverse().map((t) => t.name))
    result.replaced = occupied.length > 0
    for (const t of order) {
      const columns = t.columns.filter((c) => dstByName.get(t.name)!.columns.includes(c))
      const selfRefs = t.references.filter((r) => r.table === t.name && columns.includes(r.column)).map((r) => columns.indexOf(r.column))
      const keyAt = t.key.length === 1 ? columns.indexOf(t.key[0]) : -1
      const later: {key: Param; column: string; value: Param}[] = []
      let copied = 0
      for (let after: Param | null = null; ; ) {
        // Interrupted, the transaction rolls back: the target is as it was before the copy.
        if (await stopHere(opts.signal)) throw new InterruptedError()
        const rows = await from.tables.read(t, columns, {after, offset: copied}, page)
        if (rows.length === 0) break
        for (const row of rows) {
          for (const i of selfRefs) {
            if (row[i] === null) continue
            later.push({key: row[keyAt], column: columns[i], value: row[i]})
            row[i] = null
          }
        }
        await target.tables.insert(dstByName.get(t.name)!, columns, rows)
        copied += rows.length
        if (keyAt >= 0) after = rows.at(-1)![keyAt]
        opts.onTable?.(t.name, copied)
      }
      for (const l of later) await target.tables.setColumn(t, l.column, l.key, l.value)
      await target.tables.continueIds(t)
    }
  })

  for (const t of order) {
    const [source, target] = [await from.tables.count(t.name), await to.tables.count(t.name)]
    result.tables.push({table: t.name, source, target, ok: source === target})
  }
  result.ok = result.tables.every((t) => t.ok)
  result.searchWaiting = (await indexAfterWrite(to)).waiting
  return result
}

/** Tables ordered so that each comes after the tables its foreign keys point to. */
export function parentsFirst(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const done = new Set<string>()
  const out: TableInfo[] = []
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name)) return
    if (path.has(t.name)) throw new BoardError(`foreign keys form a cycle through ${t.name}; cannot order the copy`)
    path.add(t.name)
    for (const r of t.references) if (r.table !== t.name && byName.has(r.table)) visit(byName.get(r.table)!, path)
    path.delete(t.name)
    done.add(t.name)
    out.push(t)
  }
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set())
  return out
}
