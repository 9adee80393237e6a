import {ConflictError, NotFoundError} from '../../errors.js'
import type {BoardReply, ReplyAttempt, ReplyRepository, ReplyVersion} from '../replies.js'
import {type Executor, type Param, placeholders} from './executor.js'
import {SqlEvents} from './events.js'
import {toReply} from './rows.js'

const OPEN = "('draft', 'approved', 'failed')"
/** Longer than any channel's timeout: a crashed run's lease ends and the next run retries. */
const SEND_LEASE_MS = 10 * 60 * 1000

const toBoardReply = (r: Record<string, unknown>): BoardReply => ({
  ...toReply(r),
  template: (r.template as string | null) ?? null,
  idempotencyKey: String(r.idempotency_key),
  approvedBy: (r.approved_by as string | null) ?? null,
  approvedAt: r.approved_at === null || r.approved_at === undefined ? null : String(r.approved_at),
})

const toAttempt = (r: Record<string, unknown>): ReplyAttempt => ({
  id: Number(r.id),
  replyId: Number(r.reply_id),
  channel: String(r.channel),
  idempotencyKey: String(r.idempotency_key),
  actor: String(r.actor),
  startedAt: String(r.started_at),
  finishedAt: r.finished_at === null || r.finished_at === undefined ? null : String(r.finished_at),
  ok: r.ok === null || r.ok === undefined ? null : Number(r.ok) === 1,
  error: (r.error as string | null) ?? null,
})

export class SqlReplies implements ReplyRepository {
  constructor(private readonly db: Executor) {}

  async get(id: number): Promise<BoardReply | undefined> {
    const r = await this.db.get("SELECT * FROM replies WHERE id = ? AND (channel IS NULL OR channel <> 'import')", [id])
    return r ? toBoardReply(r) : undefined
  }

  async open(caseId: number): Promise<BoardReply | undefined> {
    const r = await this.db.get(`SELECT * FROM replies WHERE case_id = ? AND status IN ${OPEN} ORDER BY id DESC LIMIT 1`, [caseId])
    return r ? toBoardReply(r) : undefined
  }

  async saveDraft(caseId: number, d: {body: string; template: string | null; idempotencyKey: string}, opts: {actor: string; now: Date}): Promise<BoardReply> {
    const now = opts.now.toISOString()
    return this.db.transaction(async (tx) => {
      const repo = new SqlReplies(tx)
      let reply = await repo.open(caseId)
      if (reply?.status === 'failed') {
        // A failed send may still have reached the citizen; changing the text under the same key could publish two texts.
        throw new ConflictError(`reply ${reply.id} of case ${caseId} failed to send and is waiting for a retry`, {suggestion: `board reply send ${caseId}`})
      }
      if (reply) {
        await tx.run("UPDATE replies SET body = ?, author = ?, template = ?, status = 'draft', approved_by = NULL, approved_at = NULL WHERE id = ?", [
          d.body, opts.actor, d.template, reply.id,
        ])
      } else {
        const row = await tx.get<{id: number}>(
          "INSERT INTO replies (case_id, body, status, author, template, idempotency_key, created_at) VALUES (?, ?, 'draft', ?, ?, ?, ?) RETURNING id",
          [caseId, d.body, opts.actor, d.template, d.idempotencyKey, now],
        )
        reply = {id: Number(row!.id)} as BoardReply
      }
      const last = await tx.get<{v: number}>('SELECT max(version) AS v FROM reply_versions WHERE reply_id = ?', [reply.id])
      const version = Number(last?.v ?? 0) + 1
      await tx.run('INSERT INTO reply_versions (reply_id, version, body, author, template, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
        reply.id, version, d.body, opts.actor, d.template, now,
      ])
      await new SqlEvents(tx).append({
        caseId, actor: opts.actor, at: opts.now, action: 'reply.draft',
        after: {replyId: reply.id, version, template: d.template, length: d.body.length},
      })
      return (await repo.get(reply.id))!
    })
  }

  async versions(replyId: number): Promise<ReplyVersion[]> {
    const rows = await this.db.all('SELECT * FROM reply_versions WHERE reply_id = ? ORDER BY version', [replyId])
    return rows.map((r) => ({
      replyId: Number(r.reply_id), version: Number(r.version), body: String(r.body), author: String(r.author),
      template: (r.template as string | null) ?? null, createdAt: String(r.created_at),
    }))
  }

  async approve(replyId: number, opts: {actor: string; now: Date}): Promise<BoardReply> {
    return this.db.transaction(async (tx) => {
      const guard = await tx.run("UPDATE replies SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ? AND status = 'draft'", [
        opts.actor, opts.now.toISOString(), replyId,
      ])
      if (guard.changes !== 1) throw new ConflictError(`reply ${replyId} is not a draft any more`)
      const reply = (await new SqlReplies(tx).get(replyId))!
      await new SqlEvents(tx).append({caseId: reply.caseId, actor: opts.actor, at: opts.now, action: 'reply.approve', after: {replyId, author: reply.author}})
      return reply
    })
  }

  async sendable(filter: {caseIds?: number[]}): Promise<BoardReply[]> {
    const ids = filter.caseIds
    if (ids && ids.length === 0) return []
    const rows = await this.db.all(
      // An attempt never finished (the sender crashed) is retried too, once its lease has run out.
      `SELECT * FROM replies r WHERE (r.status IN ('approved', 'failed')
         OR (r.status = 'draft' AND EXISTS (SELECT 1 FROM reply_attempts a WHERE a.reply_id = r.id AND a.finished_at IS NULL)))
       ${ids ? `AND r.case_id IN (${placeholders(ids.length)})` : ''} ORDER BY r.id`,
      ids ?? [],
    )
    return rows.map(toBoardReply)
  }

  async startAttempt(replyId: number, channel: string, opts: {actor: string; now: Date}): Promise<ReplyAttempt> {
    return this.db.transaction(async (tx) => {
      const reply = await new SqlReplies(tx).get(replyId)
      if (!reply) throw new NotFoundError(`no reply ${replyId}`)
      if (reply.status === 'sent') throw new ConflictError(`reply ${replyId} was already sent`)
      // The conditional UPDATE is the lock: a second sender's UPDATE matches no row until the lease ends.
      const now = opts.now.toISOString()
      const until = new Date(opts.now.getTime() + SEND_LEASE_MS).toISOString()
      const leased = await tx.run(
        "UPDATE replies SET channel = ?, sending_until = ? WHERE id = ? AND status <> 'sent' AND (sending_until IS NULL OR sending_until < ?)",
        [channel, until, replyId, now],
      )
      if (leased.changes !== 1) throw new ConflictError(`reply ${replyId} is being sent by another run`, {suggestion: 'try again in a few minutes'})
      const row = await tx.get(
        'INSERT INTO reply_attempts (reply_id, channel, idempotency_key, actor, started_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
        [replyId, channel, reply.idempotencyKey, opts.actor, opts.now.toISOString()],
      )
      return toAttempt(row!)
    })
  }

  async finishAttempt(attemptId: number, outcome: {ok: boolean; error?: string}, opts: {now: Date}): Promise<BoardReply> {
    const now = opts.now.toISOString()
    return this.db.transaction(async (tx) => {
      const a = await tx.get<{reply_id: number}>('SELECT reply_id FROM reply_attempts WHERE id = ?', [attemptId])
      if (!a) throw new NotFoundError(`no send attempt ${attemptId}`)
      await tx.run('UPDATE reply_attempts SET finished_at = ?, ok = ?, error = ? WHERE id = ?', [now, outcome.ok ? 1 : 0, outcome.error ?? null, attemptId])
      if (outcome.ok) await tx.run("UPDATE replies SET status = 'sent', sent_at = ?, sending_until = NULL WHERE id = ?", [now, a.reply_id])
      else await tx.run("UPDATE replies SET status = 'failed', sending_until = NULL WHERE id = ? AND status <> 'sent'", [a.reply_id])
      return (await new SqlReplies(tx).get(Number(a.reply_id)))!
    })
  }

  async attempts(replyId: number): Promise<ReplyAttempt[]> {
    return (await this.db.all('SELECT * FROM reply_attempts WHERE reply_id = ? ORDER BY id', [replyId])).map(toAttempt)
  }

  async countByStatus(): Promise<Record<string, number>> {
    const rows = await this.db.all<{status: string; n: number}>(
      "SELECT status, count(*) AS n FROM replies WHERE channel IS NULL OR channel <> 'import' GROUP BY status",
    )
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
  }

  async list(filter: {status: BoardReply['status'][]; unitIds?: number[]; limit?: number}): Promise<(BoardReply & {title: string; unit: string | null})[]> {
    if (filter.status.length === 0 || filter.unitIds?.length === 0) return []
    const params: Param[] = [...filter.status]
    let where = `r.status IN (${placeholders(filter.status.length)}) AND (r.channel IS NULL OR r.channel <> 'import')`
    if (filter.unitIds) {
      where += ` AND c.unit_id IN (${placeholders(filter.unitIds.length)})`
      params.push(...filter.unitIds)
    }
    const rows = await this.db.all(
      `SELECT r.*, c.title AS case_title, u.code AS unit_code FROM replies r JOIN cases c ON c.id = r.case_id LEFT JOIN units u ON u.id = c.unit_id
       WHERE ${where} ORDER BY r.created_at, r.id${filter.limit ? ' LIMIT ?' : ''}`,
      filter.limit ? [...params, filter.limit] : params,
    )
    return rows.map((r) => ({...toBoardReply(r), title: String(r.case_title), unit: (r.unit_code as string | null) ?? null}))
  }
}
