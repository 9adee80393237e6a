import {stopHere} from '../boundary.js'
import type {Case} from '../../domain/case.js'
import {type ChannelConfig, type ChannelName, chooseChannel} from '../../domain/reply-channels.js'
import type {BoardReply} from '../../store/replies.js'
import type {Store} from '../../store/store.js'
import {updateDeadlines} from '../sla/deadlines.js'
import {storeZone} from '../store-zone.js'
import {channel} from '../channels/channel.js'
import {findCase} from '../cases/find.js'
import {evaluate} from './check.js'
import type {ReplyRules} from '../../domain/reply-policy.js'
import {ConflictError, NotFoundError} from '../../errors.js'
import {rulesResolver} from './rules.js'

export interface SendPlanItem {
  caseId: number
  replyId: number
  channel: ChannelName
}

export interface SendResult {
  succeeded: SendPlanItem[]
  /** caseId is null (and key says what was asked for) when no such case exists. */
  failed: {caseId: number | null; key?: string; replyId: number | null; reason: string}[]
  /** Another run is sending these, or just sent them: not a failure of this run. */
  skipped: {caseId: number; replyId: number; reason: string}[]
  dryRun: boolean
  /** Replies not reached because the run was interrupted. */
  notDone: number
}

interface Opts {
  actor: string
  now: Date
  dryRun?: boolean
  channel?: ChannelName
  /** Told about each failure as it happens (stderr), so a long run shows progress. */
  onFailure?: (f: SendResult['failed'][number]) => void
  signal?: AbortSignal
}

/**
 * Sends the open reply of each given case, or every approved (and every failed, to retry) reply.
 * The attempt is recorded before the channel is called and the reply marked sent only after the
 * channel took it; the reply's idempotency key travels with every try, so a retry after a lost
 * answer does not publish twice.
 */
export async function sendReplies(store: Store, which: {keys: string[]} | {approved: true}, opts: Opts): Promise<SendResult> {
  const config = (await store.settings.get<ChannelConfig>('reply.channels')) ?? {}
  const result: SendResult = {succeeded: [], failed: [], skipped: [], dryRun: Boolean(opts.dryRun), notDone: 0}
  const fail = (f: SendResult['failed'][number]) => {
    result.failed.push(f)
    opts.onFailure?.(f)
  }
  const rulesOf = await rulesResolver(store)
  const work: {c: Case; reply: BoardReply}[] = []
  if ('keys' in which) {
    for (const key of which.keys) {
      let c: Case
      try {
        c = await findCase(store, key)
      } catch (error) {
        // One unknown case must not stop the others; a malformed id is still a usage error.
        if (!(error instanceof NotFoundError)) throw error
        fail({caseId: null, key, replyId: null, reason: error.message})
        continue
      }
      const reply = await store.replies.open(c.id)
      if (!reply) {
        const last = (await store.cases.replies(c.id)).at(-1)
        fail({caseId: c.id, replyId: last?.id ?? null, reason: last?.status === 'sent' ? `already sent (reply ${last.id}); nothing to send` : 'no reply to send (draft one first)'})
      }
      else work.push({c, reply})
    }
  } else {
    for (const reply of await store.replies.sendable({})) work.push({c: (await store.cases.get(reply.caseId))!, reply})
  }
  for (const [i, {c, reply}] of work.entries()) {
    if (await stopHere(opts.signal)) {
      result.notDone = work.length - i
      break
    }
    const problem = await refusal(store, c, reply, await rulesOf(c))
    if (problem) {
      fail({caseId: c.id, replyId: reply.id, reason: problem})
      continue
    }
    // A reply tried once stays on that channel: another channel would publish it a second time.
    const name = (reply.channel as ChannelName | null) ?? opts.channel ?? chooseChannel(config, c.contact)
    if (!name || !config[name]) {
      fail({caseId: c.id, replyId: reply.id, reason: `no ${name ?? ''} channel configured`.replace('  ', ' ')})
      continue
    }
    const item = {caseId: c.id, replyId: reply.id, channel: name}
    if (opts.dryRun) {
      result.succeeded.push(item)
      continue
    }
    const outcome = await sendOne(store, c, reply, name, config, opts)
    if (outcome === true) result.succeeded.push(item)
    else if (outcome.skipped) result.skipped.push({caseId: c.id, replyId: reply.id, reason: outcome.reason})
    else fail({caseId: c.id, replyId: reply.id, reason: outcome.reason})
  }
  return result
}

async function refusal(store: Store, c: Case, reply: BoardReply, rules: ReplyRules): Promise<string | null> {
  if (reply.status !== 'draft') return null
  if (rules.requireApproval) return `reply ${reply.id} needs approval first (board reply approve ${c.id})`
  const check = await evaluate(store, c, reply, rules)
  return check.blocking ? `the unit's policy blocks this draft: ${check.findings.map((f) => f.rule).join(', ')}` : null
}

async function sendOne(
  store: Store,
  c: Case,
  reply: BoardReply,
  name: ChannelName,
  config: ChannelConfig,
  opts: Opts,
): Promise<true | {skipped: boolean; reason: string}> {
  let attempt
  try {
    attempt = await store.replies.startAttempt(reply.id, name, opts)
  } catch (error) {
    return {skipped: error instanceof ConflictError, reason: (error as Error).message}
  }
  try {
    const deliver = await channel(name)
    await deliver(
      {idempotencyKey: reply.idempotencyKey, caseId: c.id, source: c.source, ref: c.ref, title: c.title, body: reply.body, unit: c.unit, to: c.contact, sentAt: opts.now.toISOString()},
      config,
    )
  } catch (error) {
    const reason = `${name}: ${(error as Error).message}`
    await store.transaction(async (s) => {
      await s.replies.finishAttempt(attempt.id, {ok: false, error: reason}, opts)
      await s.events.append({caseId: c.id, actor: opts.actor, at: opts.now, action: 'reply.send.failed', after: {replyId: reply.id, channel: name, error: reason}})
    })
    return {skipped: false, reason}
  }
  const changed = await store.transaction(async (s) => {
    await s.replies.finishAttempt(attempt.id, {ok: true}, opts)
    const current = (await s.cases.get(c.id))!
    return s.cases.change(
      c.id,
      {status: current.status === 'closed' ? undefined : 'replied', respondedAt: current.respondedAt ?? opts.now.toISOString()},
      {actor: opts.actor, now: opts.now, action: 'reply.send', note: {replyId: reply.id, channel: name, approvedBy: reply.approvedBy}},
    )
  })
  const {zone} = await storeZone(store)
  await updateDeadlines(store, changed, {action: 'reply.send', actor: opts.actor, now: opts.now, zone})
  return true
}
