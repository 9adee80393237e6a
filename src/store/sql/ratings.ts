import type {Rating, RatingRepository} from '../replies.js'
import type {Executor} from './executor.js'

const toRating = (r: Record<string, unknown>): Rating => ({
  id: Number(r.id),
  caseId: Number(r.case_id),
  satisfied: Number(r.satisfied) === 1,
  comment: (r.comment as string | null) ?? null,
  ratedAt: String(r.rated_at),
  actor: String(r.actor),
  source: (r.source as string | null) ?? null,
})

export class SqlRatings implements RatingRepository {
  constructor(private readonly db: Executor) {}

  async add(
    r: {caseId: number; satisfied: boolean; comment: string | null; ratedAt: string; source: string | null},
    opts: {actor: string; now: Date},
  ): Promise<Rating | undefined> {
    // Re-importing the same ratings file must not count a citizen twice.
    const seen = await this.db.get('SELECT id FROM ratings WHERE case_id = ? AND rated_at = ?', [r.caseId, r.ratedAt])
    if (seen) return undefined
    const row = await this.db.get(
      'INSERT INTO ratings (case_id, satisfied, comment, rated_at, actor, source) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
      [r.caseId, r.satisfied ? 1 : 0, r.comment, r.ratedAt, opts.actor, r.source],
    )
    return toRating(row!)
  }

  async forCase(caseId: number): Promise<Rating[]> {
    return (await this.db.all('SELECT * FROM ratings WHERE case_id = ? ORDER BY rated_at, id', [caseId])).map(toRating)
  }
}
