import {NotFoundError} from '../../errors.js'
import type {Handler, HandlerRepository, NewHandler, NewUnit, Unit, UnitRepository} from '../units.js'
import type {Executor} from './executor.js'
import {SqlEvents} from './events.js'

const toUnit = (r: Record<string, unknown>): Unit => ({
  id: Number(r.id),
  code: String(r.code),
  name: String(r.name),
  parentId: r.parent_id === null || r.parent_id === undefined ? null : Number(r.parent_id),
  kind: (r.kind as string | null) ?? null,
  supervisor: (r.supervisor as string | null) ?? null,
})

const toHandler = (r: Record<string, unknown>): Handler => ({
  id: Number(r.id),
  code: String(r.code),
  name: String(r.name),
  unitId: Number(r.unit_id),
  email: (r.email as string | null) ?? null,
  onDuty: Number(r.on_duty) === 1,
  capacity: r.capacity === null || r.capacity === undefined ? null : Number(r.capacity),
})

export class SqlUnits implements UnitRepository {
  constructor(private readonly db: Executor) {}

  async upsert(u: NewUnit, opts: {actor: string; now: Date}): Promise<Unit> {
    return this.db.transaction(async (tx) => {
      const units = new SqlUnits(tx)
      let parentId: number | null = null
      if (u.parentCode) {
        const parent = await units.find(u.parentCode)
        if (!parent) throw new NotFoundError(`no parent unit ${u.parentCode} for unit ${u.code}`)
        parentId = parent.id
      }
      const before = await tx.get('SELECT * FROM units WHERE code = ?', [u.code])
      await tx.run(
        `INSERT INTO units (code, name, parent_id, kind, supervisor, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, kind = excluded.kind, supervisor = excluded.supervisor`,
        [u.code, u.name, parentId, u.kind ?? null, u.supervisor ?? null, opts.now.toISOString()],
      )
      const unit = (await units.find(u.code))!
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: before ? 'unit.update' : 'unit.add', before: before ? toUnit(before) : null, after: unit})
      return unit
    })
  }

  async get(id: number): Promise<Unit | undefined> {
    const r = await this.db.get('SELECT * FROM units WHERE id = ?', [id])
    return r ? toUnit(r) : undefined
  }

  async find(codeOrName: string): Promise<Unit | undefined> {
    const r = (await this.db.get('SELECT * FROM units WHERE code = ?', [codeOrName])) ?? (await this.db.get('SELECT * FROM units WHERE name = ? ORDER BY id LIMIT 1', [codeOrName]))
    return r ? toUnit(r) : undefined
  }

  async list(): Promise<Unit[]> {
    return (await this.db.all('SELECT * FROM units ORDER BY code')).map(toUnit)
  }

  async subtree(id: number): Promise<Unit[]> {
    const rows = await this.db.all(
      `WITH RECURSIVE tree(id) AS (SELECT id FROM units WHERE id = ? UNION ALL SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id)
       SELECT units.* FROM units JOIN tree ON tree.id = units.id ORDER BY units.code`,
      [id],
    )
    return rows.map(toUnit)
  }
}

export class SqlHandlers implements HandlerRepository {
  constructor(private readonly db: Executor) {}

  async upsert(h: NewHandler, opts: {actor: string; now: Date}): Promise<Handler> {
    return this.db.transaction(async (tx) => {
      const unit = await new SqlUnits(tx).find(h.unitCode)
      if (!unit) throw new NotFoundError(`no unit ${h.unitCode} for handler ${h.code}`)
      const before = await tx.get('SELECT * FROM handlers WHERE code = ?', [h.code])
      await tx.run(
        `INSERT INTO handlers (code, name, unit_id, email, on_duty, capacity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id, email = excluded.email, on_duty = excluded.on_duty, capacity = excluded.capacity`,
        [h.code, h.name, unit.id, h.email ?? null, h.onDuty === false ? 0 : 1, h.capacity ?? null, opts.now.toISOString()],
      )
      const handler = toHandler((await tx.get('SELECT * FROM handlers WHERE code = ?', [h.code]))!)
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: before ? 'handler.update' : 'handler.add', before: before ? toHandler(before) : null, after: handler})
      return handler
    })
  }

  async get(id: number): Promise<Handler | undefined> {
    const r = await this.db.get('SELECT * FROM handlers WHERE id = ?', [id])
    return r ? toHandler(r) : undefined
  }

  async find(codeOrName: string, unitId?: number): Promise<Handler | undefined> {
    const scope = unitId === undefined ? '' : ' AND unit_id = ?'
    const extra = unitId === undefined ? [] : [unitId]
    const r =
      (await this.db.get(`SELECT * FROM handlers WHERE code = ?${scope}`, [codeOrName, ...extra])) ??
      (await this.db.get(`SELECT * FROM handlers WHERE name = ?${scope} ORDER BY id LIMIT 1`, [codeOrName, ...extra]))
    return r ? toHandler(r) : undefined
  }

  async list(filter: {unitId?: number; onDuty?: boolean} = {}): Promise<Handler[]> {
    const where: string[] = []
    const params: number[] = []
    if (filter.unitId !== undefined) where.push('unit_id = ?'), params.push(filter.unitId)
    if (filter.onDuty !== undefined) where.push('on_duty = ?'), params.push(filter.onDuty ? 1 : 0)
    const rows = await this.db.all(`SELECT * FROM handlers ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY code`, params)
    return rows.map(toHandler)
  }

  async openLoad(unitId: number): Promise<Map<number, number>> {
    const rows = await this.db.all<{handler_id: number; n: number}>(
      `SELECT c.handler_id, count(*) AS n FROM cases c JOIN handlers h ON h.id = c.handler_id
       WHERE h.unit_id = ? AND c.status NOT IN ('closed', 'rejected', 'merged') GROUP BY c.handler_id`,
      [unitId],
    )
    return new Map(rows.map((r) => [Number(r.handler_id), Number(r.n)]))
  }
}
