import type {CaseEvent} from '../../domain/case.js'
import type {EventRepository, NewEvent} from '../events.js'
import type {Executor} from './executor.js'
import {json, toEvent} from './rows.js'

export class SqlEvents implements EventRepository {
  constructor(private readonly db: Executor) {}

  async append(e: NewEvent): Promise<void> {
    await this.db.run('INSERT INTO events (case_id, actor, at, action, before, after) VALUES (?, ?, ?, ?, ?, ?)', [
      e.caseId,
      e.actor,
      e.at.toISOString(),
      e.action,
      json(e.before),
      json(e.after),
    ])
  }

  async forCase(caseId: number): Promise<CaseEvent[]> {
    const rows = await this.db.all('SELECT * FROM events WHERE case_id = ? ORDER BY at, id', [caseId])
    return rows.map(toEvent)
  }

  async recent(opts: {limit: number; action?: string}): Promise<CaseEvent[]> {
    const rows = opts.action
      ? await this.db.all('SELECT * FROM events WHERE action = ? ORDER BY id DESC LIMIT ?', [opts.action, opts.limit])
      : await this.db.all('SELECT * FROM events ORDER BY id DESC LIMIT ?', [opts.limit])
    return rows.map(toEvent)
  }
}
