import type {ClassifierRepository, StoredModel, StoredModelInfo} from '../classifier.js'
import {SqlEvents} from './events.js'
import type {Executor} from './executor.js'

const INFO = 'id, created_at, created_by, trained_on, labels, source'

const toInfo = (r: Record<string, unknown>): StoredModelInfo => ({
  id: Number(r.id),
  createdAt: String(r.created_at),
  createdBy: String(r.created_by),
  trainedOn: Number(r.trained_on),
  labels: JSON.parse(String(r.labels)) as string[],
  source: String(r.source),
})

export class SqlClassifier implements ClassifierRepository {
  constructor(private readonly db: Executor) {}

  async save(m: {trainedOn: number; labels: string[]; source: string; model: string}, opts: {actor: string; now: Date}): Promise<StoredModelInfo> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get(
        `INSERT INTO classifier_models (created_at, created_by, trained_on, labels, source, model) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${INFO}`,
        [opts.now.toISOString(), opts.actor, m.trainedOn, JSON.stringify(m.labels), m.source, m.model],
      )
      const info = toInfo(row!)
      // Old models are megabytes each and nobody goes back further than the previous few.
      await tx.run('DELETE FROM classifier_models WHERE id NOT IN (SELECT id FROM classifier_models ORDER BY id DESC LIMIT 3)')
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'classifier.train', before: null, after: info})
      return info
    })
  }

  async latest(): Promise<StoredModel | undefined> {
    const r = await this.db.get(`SELECT ${INFO}, model FROM classifier_models ORDER BY id DESC LIMIT 1`)
    return r ? {...toInfo(r), model: String(r.model)} : undefined
  }

  async list(): Promise<StoredModelInfo[]> {
    return (await this.db.all(`SELECT ${INFO} FROM classifier_models ORDER BY id DESC`)).map(toInfo)
  }
}
