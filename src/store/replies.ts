import type {Reply} from '../domain/case.js'

export interface ReplyTemplate {
  id: number
  name: string
  body: string
  /** Only cases of this unit (or units below it) may use the template; null: any unit. */
  unitId: number | null
  unit: string | null
  createdBy: string
  createdAt: string
}

export interface ReplyVersion {
  replyId: number
  version: number
  body: string
  author: string
  template: string | null
  createdAt: string
}

export interface ReplyAttempt {
  id: number
  replyId: number
  channel: string
  idempotencyKey: string
  actor: string
  startedAt: string
  finishedAt: string | null
  ok: boolean | null
  error: string | null
}

/** A reply board writes (not an imported one) with what approval and sending need. */
export interface BoardReply extends Reply {
  template: string | null
  idempotencyKey: string
  approvedBy: string | null
  approvedAt: string | null
}

export interface Rating {
  id: number
  caseId: number
  satisfied: boolean
  comment: string | null
  ratedAt: string
  actor: string
  source: string | null
}

export interface TemplateRepository {
  /** Throws ConflictError when the name is taken. */
  add(t: {name: string; body: string; unitId: number | null}, opts: {actor: string; now: Date}): Promise<ReplyTemplate>
  get(name: string): Promise<ReplyTemplate | undefined>
  list(): Promise<ReplyTemplate[]>
  /** Returns false when there was no such template. */
  remove(name: string, opts: {actor: string; now: Date}): Promise<boolean>
}

export interface ReplyRepository {
  get(id: number): Promise<BoardReply | undefined>
  /** The case's reply still being worked on (draft, approved or failed), if any. */
  open(caseId: number): Promise<BoardReply | undefined>
  /**
   * Saves a new version of the case's open reply, or starts a new reply; a new version drops any
   * approval (the approved text is no longer the text). Appends a reply.draft event.
   */
  saveDraft(caseId: number, d: {body: string; template: string | null; idempotencyKey: string}, opts: {actor: string; now: Date}): Promise<BoardReply>
  versions(replyId: number): Promise<ReplyVersion[]>
  /** Marks the reply approved by actor with an audit event; the caller enforced the rules. */
  approve(replyId: number, opts: {actor: string; now: Date}): Promise<BoardReply>
  /** Replies to send: approved, failed (to retry) and drafts whose send was interrupted; oldest first. */
  sendable(filter: {caseIds?: number[]}): Promise<BoardReply[]>
  /** Records an attempt before the channel is called; fixes the reply's channel. */
  startAttempt(replyId: number, channel: string, opts: {actor: string; now: Date}): Promise<ReplyAttempt>
  /** Ends an attempt; on success the reply becomes sent, else failed (to be retried). */
  finishAttempt(attemptId: number, outcome: {ok: boolean; error?: string}, opts: {now: Date}): Promise<BoardReply>
  attempts(replyId: number): Promise<ReplyAttempt[]>
  /** Board's replies in these statuses, with their case's title and unit, oldest first. */
  list(filter: {status: BoardReply['status'][]; unitIds?: number[]; limit?: number}): Promise<(BoardReply & {title: string; unit: string | null})[]>
  /** How many of board's replies are in each status (imported replies not counted). */
  countByStatus(): Promise<Record<string, number>>
}

export interface RatingRepository {
  /** Returns undefined when the same rating (case and time) was already stored. */
  add(r: {caseId: number; satisfied: boolean; comment: string | null; ratedAt: string; source: string | null}, opts: {actor: string; now: Date}): Promise<Rating | undefined>
  forCase(caseId: number): Promise<Rating[]>
}
