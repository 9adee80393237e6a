import {ConflictError} from '../../errors.js'
import type {ReplyTemplate, TemplateRepository} from '../replies.js'
import type {Executor} from './executor.js'
import {SqlEvents} from './events.js'

const SELECT = 'SELECT t.*, u.code AS unit_code FROM reply_templates t LEFT JOIN units u ON u.id = t.unit_id'

const toTemplate = (r: Record<string, unknown>): ReplyTemplate => ({
  id: Number(r.id),
  name: String(r.name),
  body: String(r.body),
  unitId: r.unit_id === null || r.unit_id === undefined ? null : Number(r.unit_id),
  unit: (r.unit_code as string | null) ?? null,
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
})

export class SqlTemplates implements TemplateRepository {
  constructor(private readonly db: Executor) {}

  async add(t: {name: string; body: string; unitId: number | null}, opts: {actor: string; now: Date}): Promise<ReplyTemplate> {
    return this.db.transaction(async (tx) => {
      const repo = new SqlTemplates(tx)
      if (await repo.get(t.name)) throw new ConflictError(`template ${t.name} exists`, {suggestion: `board template remove ${t.name} first`})
      await tx.run('INSERT INTO reply_templates (name, body, unit_id, created_by, created_at) VALUES (?, ?, ?, ?, ?)', [
        t.name, t.body, t.unitId, opts.actor, opts.now.toISOString(),
      ])
      const stored = (await repo.get(t.name))!
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'template.add', after: stored})
      return stored
    })
  }

  async get(name: string): Promise<ReplyTemplate | undefined> {
    const r = await this.db.get(`${SELECT} WHERE t.name = ?`, [name])
    return r ? toTemplate(r) : undefined
  }

  async list(): Promise<ReplyTemplate[]> {
    return (await this.db.all(`${SELECT} ORDER BY t.name`)).map(toTemplate)
  }

  async remove(name: string, opts: {actor: string; now: Date}): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const before = await new SqlTemplates(tx).get(name)
      if (!before) return false
      await tx.run('DELETE FROM reply_templates WHERE id = ?', [before.id])
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'template.remove', before})
      return true
    })
  }
}
