import {CASE_STATUSES, type Case, type CaseStatus} from '../../domain/case.js'
import {UsageError} from '../../errors.js'
import type {CaseFilter} from '../../store/cases.js'
import type {Store} from '../../store/store.js'
import {readInput} from '../read-input.js'

// Which cases a bulk command acts on: ids given, ids on stdin, or a --where filter.

export interface Where {
  filter: CaseFilter
  region?: string
}

const DURATION = /^(\d+)\s*(m|h|d|w)$/

/** `category=城乡建设,region=A3区,status=new,older-than=3d` → a filter; `now` anchors older-than. */
export function parseWhere(text: string, now: Date): Where {
  const where: Where = {filter: {}}
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=')
    if (eq < 1) throw new UsageError(`--where: expected key=value, got "${part}"`)
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    switch (key) {
      case 'category':
        where.filter.category = value
        break
      case 'region':
        where.region = value
        break
      case 'unit':
        where.filter.unit = value
        break
      case 'status': {
        const statuses = value.split('|')
        for (const s of statuses) if (!(CASE_STATUSES as readonly string[]).includes(s)) throw new UsageError(`--where: unknown status ${s} (known: ${CASE_STATUSES.join(', ')})`)
        where.filter.status = statuses as CaseStatus[]
        break
      }
      case 'older-than': {
        const m = DURATION.exec(value)
        if (!m) throw new UsageError(`--where: older-than takes a duration like 30m, 12h, 3d or 2w, not ${value}`)
        const unit = {m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000}[m[2] as 'm' | 'h' | 'd' | 'w']
        where.filter.until = new Date(now.getTime() - Number(m[1]) * unit).toISOString()
        break
      }
      default:
        throw new UsageError(`--where: unknown key ${key} (known: category, region, status, unit, older-than)`)
    }
  }
  return where
}

/** Ids from text: the JSON `board list --json` prints (objects with id, or numbers), or one id per line. */
export function parseIds(text: string): number[] {
  const trimmed = text.trim()
  if (trimmed === '') return []
  if (trimmed.startsWith('[')) {
    let data: unknown
    try {
      data = JSON.parse(trimmed)
    } catch (error) {
      throw new UsageError(`ids on stdin: not valid JSON: ${(error as Error).message}`)
    }
    return (data as unknown[]).map((x) => toId(typeof x === 'object' && x !== null ? (x as {id: unknown}).id : x))
  }
  return trimmed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map(toId)
}

export function toId(raw: unknown): number {
  const n = Number(raw)
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`not a case id: ${String(raw)}`)
  return n
}

/** The cases a --where selects, oldest first (region matched in memory: it is free text). */
export async function selectWhere(store: Store, where: Where): Promise<Case[]> {
  const cases = await store.cases.list(where.filter)
  const picked = where.region ? cases.filter((c) => (c.region ?? '').startsWith(where.region!) || c.title.includes(where.region!)) : cases
  return picked.sort((a, b) => a.postedAt.localeCompare(b.postedAt) || a.id - b.id)
}

/** The cases a bulk command names: ids given, ids read from a file or stdin (--ids), --where; each once. */
export async function selectCaseIds(store: Store, sel: {ids: string[]; idsFrom?: string; where?: string; now: Date}): Promise<number[]> {
  const ids = sel.ids.map(toId)
  if (sel.idsFrom) ids.push(...parseIds(await readInput(sel.idsFrom)))
  if (sel.where) ids.push(...(await selectWhere(store, parseWhere(sel.where, sel.now))).map((c) => c.id))
  return [...new Set(ids)]
}
