import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {approveReply} from '../../src/services/replies/approve.js'
import {draftReply} from '../../src/services/replies/draft.js'
import {sendReplies} from '../../src/services/replies/send.js'
import type {Store} from '../../src/store/store.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {GOOD_REPLY, incoming} from './fixtures.js'
import {smtpServer} from '../helpers/smtp-server.js'
import {boardApi} from './servers.js'

const t0 = new Date('2024-03-01T02:00:00Z')
const at = (min: number) => new Date(t0.getTime() + min * 60_000)

describe.each(backendList)('sending replies on $name', (backend) => {
  let store: Store
  let api: Awaited<ReturnType<typeof boardApi>>
  let smtp: Awaited<ReturnType<typeof smtpServer>>
  let outbox: string
  let n = 0

  /** A new case with an approved reply (drafted by clerk, approved by leader). */
  async function approvedCase(contact: string | null = null): Promise<number> {
    const ref = `s${++n}`
    await store.cases.importBatch([incoming(ref, {contact})], {actor: 'import', now: t0})
    const id = (await store.cases.getByRef('test', ref))!.id
    await draftReply(store, String(id), {kind: 'body', text: GOOD_REPLY}, {actor: 'clerk', now: t0, tz: 'Asia/Shanghai'})
    await approveReply(store, String(id), {actor: 'leader', now: t0})
    return id
  }
  const setChannels = (v: unknown) => store.settings.set('reply.channels', v, {actor: 'admin', now: t0})

  beforeAll(async () => {
    store = await freshStore(backend)
    api = await boardApi()
    smtp = await smtpServer()
    outbox = mkdtempSync(join(tmpdir(), 'board-outbox-'))
  })
  afterAll(async () => {
    await api?.close()
    await smtp?.close()
    rmSync(outbox, {recursive: true, force: true})
    await store?.close()
    await backend.cleanup()
  })

  it('webhook: a failure is recorded and retried by the next run; sent once, never twice', async () => {
    await setChannels({order: ['webhook'], webhook: {url: api.url, timeoutMs: 5000}})
    const id = await approvedCase()
    api.script.push('fail')
    const failures: string[] = []
    const first = await sendReplies(store, {approved: true}, {actor: 'cron', now: at(1), onFailure: (f) => failures.push(f.reason)})
    expect(first.succeeded).toEqual([])
    expect(first.failed).toEqual([expect.objectContaining({caseId: id, reason: 'webhook: webhook answered 500 Internal Server Error'})])
    expect(failures).toHaveLength(1)
    expect(api.published.size).toBe(0)
    let c = (await store.cases.get(id))!
    expect(c.status).toBe('new')
    expect(c.respondedAt).toBeNull()
    expect((await store.replies.open(id))!.status).toBe('failed')

    const second = await sendReplies(store, {approved: true}, {actor: 'cron', now: at(2)})
    expect(second.succeeded).toEqual([expect.objectContaining({caseId: id, channel: 'webhook'})])
    c = (await store.cases.get(id))!
    expect(c.status).toBe('replied')
    expect(c.respondedAt).toBe(at(2).toISOString())

    const third = await sendReplies(store, {approved: true}, {actor: 'cron', now: at(3)})
    expect(third).toMatchObject({succeeded: [], failed: [], skipped: []})
    const explicit = await sendReplies(store, {keys: [String(id)]}, {actor: 'cron', now: at(3)})
    // A second send of a sent reply says so, not "draft one first".
    expect(explicit.failed[0].reason).toMatch(/^already sent \(reply \d+\)/)

    const reply = (await store.cases.replies(id)).find((r) => r.channel === 'webhook')!
    expect(reply.status).toBe('sent')
    expect(api.published.size).toBe(1)
    const key = [...api.published.keys()][0]
    expect(api.requests).toEqual([key, key])
    expect(api.published.get(key)).toMatchObject({case: {id, source: 'test'}, reply: GOOD_REPLY})
    const actions = (await store.events.forCase(id)).map((e) => e.action)
    expect(actions).toEqual(['import.create', 'reply.draft', 'reply.approve', 'reply.send.failed', 'reply.send', 'sla.deadline'])
  })

  it('webhook: when the answer is lost after publishing, the retry carries the same key and is not published again', async () => {
    const id = await approvedCase()
    api.script.push('lose')
    const before = api.published.size
    const first = await sendReplies(store, {keys: [String(id)]}, {actor: 'clerk', now: at(10)})
    expect(first.failed).toHaveLength(1)
    expect(api.published.size).toBe(before + 1)
    const retry = await sendReplies(store, {keys: [String(id)]}, {actor: 'clerk', now: at(11)})
    expect(retry.succeeded).toHaveLength(1)
    expect(api.published.size).toBe(before + 1)
    const attempts = await store.replies.attempts((await store.cases.replies(id))[0].id)
    expect(attempts.map((a) => a.ok)).toEqual([false, true])
    expect(new Set(attempts.map((a) => a.idempotencyKey)).size).toBe(1)
  })

  it('a sender that crashed mid-send: its lease blocks others, then the next run retries under the same key', async () => {
    const id = await approvedCase()
    const reply = (await store.replies.open(id))!
    // The crashed run: attempt recorded, webhook called (published), process gone before bookkeeping.
    await store.replies.startAttempt(reply.id, 'webhook', {actor: 'cron', now: at(12)})
    api.published.set(reply.idempotencyKey, {})
    const before = api.published.size
    const during = await sendReplies(store, {approved: true}, {actor: 'cron', now: at(13)})
    expect(during.failed).toEqual([])
    expect(during.skipped).toEqual([expect.objectContaining({caseId: id, reason: expect.stringMatching(/being sent by another run/)})])
    const after = await sendReplies(store, {approved: true}, {actor: 'cron', now: at(23)})
    expect(after.succeeded).toEqual([expect.objectContaining({caseId: id, channel: 'webhook'})])
    expect(api.published.size).toBe(before)
    expect(api.requests.at(-1)).toBe(reply.idempotencyKey)
    expect((await store.cases.get(id))!.status).toBe('replied')
  })

  it('email: to the citizen over real SMTP; a 451 is retried; one message with the reply key as Message-ID', async () => {
    await setChannels({order: ['email', 'outbox'], email: {host: '127.0.0.1', port: smtp.port, from: 'board@a.gov.cn'}, outbox: {dir: outbox}})
    const id = await approvedCase('13800000000 citizen@example.org')
    smtp.state.rejectNext = 1
    const first = await sendReplies(store, {keys: [String(id)]}, {actor: 'clerk', now: at(20)})
    expect(first.failed[0].reason).toMatch(/^email: .*451/)
    expect(smtp.received).toHaveLength(0)
    // The email channel stays fixed for this reply even though outbox is configured too.
    const retry = await sendReplies(store, {approved: true}, {actor: 'cron', now: at(21)})
    expect(retry.succeeded).toEqual([expect.objectContaining({caseId: id, channel: 'email'})])
    await sendReplies(store, {approved: true}, {actor: 'cron', now: at(22)})
    expect(smtp.received).toHaveLength(1)
    const reply = (await store.replies.attempts((await store.cases.replies(id))[0].id))[0]
    expect(smtp.received[0].to).toEqual(['citizen@example.org'])
    expect(smtp.received[0].messageId).toBe(`<${reply.idempotencyKey}@board>`)
    expect(readdirSync(outbox)).toEqual([])
  })

  it('outbox: no address means the next channel; one file per key; an unknown case fails alone', async () => {
    const id = await approvedCase(null)
    const r = await sendReplies(store, {keys: ['999999', String(id)]}, {actor: 'clerk', now: at(30)})
    expect(r.failed).toEqual([{caseId: null, key: '999999', replyId: null, reason: 'no case 999999'}])
    expect(r.succeeded).toEqual([expect.objectContaining({channel: 'outbox'})])
    const files = readdirSync(outbox)
    expect(files).toHaveLength(1)
    const key = files[0].replace(/\.json$/, '')
    expect(JSON.parse(readFileSync(join(outbox, files[0]), 'utf8'))).toMatchObject({idempotencyKey: key, caseId: id, body: GOOD_REPLY})
  })

  it('a draft where the unit requires approval is not sent; dry-run sends nothing', async () => {
    await store.settings.set('reply.policy', {requireApproval: true}, {actor: 'admin', now: t0})
    await store.cases.importBatch([incoming('d1')], {actor: 'import', now: t0})
    const id = (await store.cases.getByRef('test', 'd1'))!.id
    await draftReply(store, String(id), {kind: 'body', text: GOOD_REPLY}, {actor: 'clerk', now: t0, tz: 'UTC'})
    const r = await sendReplies(store, {keys: [String(id)]}, {actor: 'clerk', now: at(40)})
    expect(r.failed[0].reason).toMatch(/needs approval/)
    await approveReply(store, String(id), {actor: 'leader', now: at(41)})
    const before = readdirSync(outbox).length
    const dry = await sendReplies(store, {approved: true}, {actor: 'cron', now: at(42), dryRun: true})
    expect(dry.succeeded).toEqual([{caseId: id, replyId: expect.any(Number), channel: 'outbox'}])
    expect(readdirSync(outbox)).toHaveLength(before)
    expect((await store.replies.open(id))!.status).toBe('approved')
    await store.settings.remove('reply.policy', {actor: 'admin', now: t0})
  })
})
