import {UsageError} from '../../errors.js'
import type {Handler, NewHandler, NewUnit, Unit} from '../../store/units.js'
import type {Store} from '../../store/store.js'
import {parseYesNo, readCsvTable} from '../csv-table.js'

// Units (单位) and handlers (办理人): the directory that triage routes to.

export interface ImportResult<T> {
  succeeded: T[]
  failed: {line: number; reason: string}[]
}

const UNIT_HEADERS = {code: ['编码', '单位编码'], name: ['名称', '单位名称'], parent: ['上级', '上级单位'], kind: ['类型', '层级'], supervisor: ['督办人', '负责人']}
const HANDLER_HEADERS = {
  code: ['编码', '工号'], name: ['姓名', '名称'], unit: ['单位', '所属单位'], email: ['邮箱'], on_duty: ['在岗'], capacity: ['容量', '上限'],
}

export async function importUnits(store: Store, file: string, opts: {actor: string; now: Date}): Promise<ImportResult<Unit>> {
  const rows = await readCsvTable(file, UNIT_HEADERS)
  const result: ImportResult<Unit> = {succeeded: [], failed: []}
  // A child may come before its parent in the file: keep passing over the rest while progress is made.
  let pending = rows.map(({line, row}) => ({line, unit: {code: row.code, name: row.name, parentCode: row.parent || null, kind: row.kind || null, supervisor: row.supervisor || null} as NewUnit}))
  for (const p of pending.filter((p) => !p.unit.code || !p.unit.name)) result.failed.push({line: p.line, reason: 'code and name are required'})
  pending = pending.filter((p) => p.unit.code && p.unit.name)
  const known = new Set((await store.units.list()).map((u) => u.code))
  while (pending.length > 0) {
    const ready = pending.filter((p) => !p.unit.parentCode || known.has(p.unit.parentCode))
    if (ready.length === 0) break
    for (const p of ready) {
      const unit = await store.units.upsert(p.unit, opts)
      known.add(unit.code)
      result.succeeded.push(unit)
    }
    pending = pending.filter((p) => !ready.includes(p))
  }
  for (const p of pending) result.failed.push({line: p.line, reason: `no parent unit ${p.unit.parentCode}`})
  return result
}

export function handlerFromRow(row: Record<string, string>): NewHandler {
  const capacity = row.capacity ? Number(row.capacity) : null
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 0)) throw new UsageError(`capacity must be a whole number ≥ 0: ${row.capacity}`)
  if (!row.code || !row.name || !row.unit) throw new UsageError('code, name and unit are required')
  return {code: row.code, name: row.name, unitCode: row.unit, email: row.email || null, onDuty: parseYesNo(row.on_duty, true), capacity}
}

export async function importHandlers(store: Store, file: string, opts: {actor: string; now: Date}): Promise<ImportResult<Handler>> {
  const result: ImportResult<Handler> = {succeeded: [], failed: []}
  for (const {line, row} of await readCsvTable(file, HANDLER_HEADERS)) {
    try {
      result.succeeded.push(await store.handlers.upsert(handlerFromRow(row), opts))
    } catch (error) {
      result.failed.push({line, reason: (error as Error).message})
    }
  }
  return result
}

export interface UnitRow extends Unit {
  parent: string | null
  path: string
}

/** Units with their parent's code and the path from the root (省/市/区), in tree order. */
export async function listUnits(store: Store): Promise<UnitRow[]> {
  const units = await store.units.list()
  const byId = new Map(units.map((u) => [u.id, u]))
  const pathOf = (u: Unit): string[] => {
    const names: string[] = []
    for (let cur: Unit | undefined = u, guard = 0; cur && guard < 50; cur = cur.parentId ? byId.get(cur.parentId) : undefined, guard++) names.unshift(cur.name)
    return names
  }
  return units
    .map((u) => ({...u, parent: u.parentId ? (byId.get(u.parentId)?.code ?? null) : null, path: pathOf(u).join(' / ')}))
    .sort((a, b) => a.path.localeCompare(b.path, 'zh'))
}

export interface HandlerRow extends Handler {
  unit: string
  load: number
}

export async function listHandlers(store: Store, unitCode?: string): Promise<HandlerRow[]> {
  let unitId: number | undefined
  if (unitCode) {
    const unit = await store.units.find(unitCode)
    if (!unit) throw new UsageError(`no unit ${unitCode}`, 'see board unit list')
    unitId = unit.id
  }
  const handlers = await store.handlers.list({unitId})
  const units = new Map((await store.units.list()).map((u) => [u.id, u]))
  const loads = new Map<number, Map<number, number>>()
  const rows: HandlerRow[] = []
  for (const h of handlers) {
    if (!loads.has(h.unitId)) loads.set(h.unitId, await store.handlers.openLoad(h.unitId))
    rows.push({...h, unit: units.get(h.unitId)?.code ?? '', load: loads.get(h.unitId)!.get(h.id) ?? 0})
  }
  return rows
}
