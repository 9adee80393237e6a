import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ConflictError, NotFoundError, ValidationError} from '../../src/errors.js'
import {approveReply, FourEyesError} from '../../src/services/replies/approve.js'
import {checkCaseReply} from '../../src/services/replies/check.js'
import {draftReply} from '../../src/services/replies/draft.js'
import {listReplies} from '../../src/services/replies/list.js'
import {addTemplate} from '../../src/services/replies/templates.js'
import {rateCase} from '../../src/services/replies/ratings.js'
import type {Store} from '../../src/store/store.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {GOOD_REPLY as GOOD, incoming} from './fixtures.js'

const now = new Date('2024-03-01T02:00:00Z')
const clerk = {actor: 'clerk', now, tz: 'Asia/Shanghai'}

describe.each(backendList)('replies on $name', (backend) => {
  let store: Store
  let caseId: number
  beforeAll(async () => {
    store = await freshStore(backend)
    await store.units.upsert({code: 'city', name: 'A市'}, clerk)
    await store.units.upsert({code: 'city.water', name: 'A市水务局', parentCode: 'city'}, clerk)
    await store.units.upsert({code: 'city.edu', name: 'A市教育局', parentCode: 'city'}, clerk)
    await store.cases.importBatch([incoming('1', {title: '小区停水三天', body: '我们小区停水三天了，停水没有通知'}), incoming('2')], clerk)
    const c = (await store.cases.getByRef('test', '1'))!
    const unit = (await store.units.find('city.water'))!
    caseId = (await store.cases.change(c.id, {unitId: unit.id, status: 'assigned'}, {...clerk, action: 'assign'})).id
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('templates: unit-scoped, unique by name, removable, each change an event', async () => {
    const t = await addTemplate(store, {name: 'ack', body: '{{citizen}}您好，您于{{postedAt | date}}反映的“{{case.title}}”已转{{unit}}办理。', unit: 'city'}, clerk)
    expect(t).toMatchObject({name: 'ack', unit: 'city', createdBy: 'clerk'})
    await expect(addTemplate(store, {name: 'ack', body: 'x'}, clerk)).rejects.toBeInstanceOf(ConflictError)
    await expect(addTemplate(store, {name: 'bad', body: '{{nope}}'}, clerk)).rejects.toBeInstanceOf(ValidationError)
    await addTemplate(store, {name: 'edu', body: '{{case.ref}}', unit: 'city.edu'}, clerk)
    expect((await store.templates.list()).map((x) => x.name)).toEqual(['ack', 'edu'])
    expect(await store.templates.remove('edu', clerk)).toBe(true)
    expect(await store.templates.remove('edu', clerk)).toBe(false)
    expect((await store.events.recent({limit: 5})).map((e) => e.action).slice(0, 3)).toEqual(['template.remove', 'template.add', 'template.add'])
  })

  it('drafts from a template (parent unit scope applies) and keeps every version', async () => {
    const first = await draftReply(store, String(caseId), {kind: 'template', name: 'ack'}, clerk)
    expect(first.reply.body).toBe('U1您好，您于2024年2月28日反映的“小区停水三天”已转A市水务局办理。')
    expect(first.version).toBe(1)
    const second = await draftReply(store, String(caseId), {kind: 'body', text: GOOD}, {...clerk, actor: 'clerk2'})
    expect(second.reply.id).toBe(first.reply.id)
    expect(second.reply.idempotencyKey).toBe(first.reply.idempotencyKey)
    expect(second.version).toBe(2)
    const versions = await store.replies.versions(first.reply.id)
    expect(versions.map((v) => [v.version, v.author, v.template])).toEqual([[1, 'clerk', 'ack'], [2, 'clerk2', null]])
    const other = (await store.cases.getByRef('test', '2'))!
    await addTemplate(store, {name: 'edu-only', body: '{{case.ref}}', unit: 'city.edu'}, clerk)
    await expect(draftReply(store, String(other.id), {kind: 'template', name: 'edu-only'}, clerk)).rejects.toThrow(/is for unit city.edu/)
  })

  it('check reports findings; a blocking unit policy stops approval', async () => {
    expect((await checkCaseReply(store, String(caseId))).findings).toEqual([])
    await draftReply(store, String(caseId), {kind: 'body', text: '已收悉'}, {...clerk, actor: 'clerk2'})
    const weak = await checkCaseReply(store, String(caseId))
    expect(weak.findings.map((f) => f.rule)).toEqual(['too-short', 'off-topic', 'no-action', 'no-contact'])
    expect(weak.blocking).toBe(false)
    await store.settings.set('reply.policy', {units: {city: {check: 'block'}}}, clerk)
    expect((await checkCaseReply(store, String(caseId))).blocking).toBe(true)
    await expect(approveReply(store, String(caseId), {actor: 'leader', now})).rejects.toBeInstanceOf(ValidationError)
    await draftReply(store, String(caseId), {kind: 'body', text: GOOD}, {...clerk, actor: 'clerk2'})
  })

  it('four eyes: the author of the current text cannot approve it; another person can, with an audit event', async () => {
    await expect(approveReply(store, String(caseId), {actor: 'clerk2', now})).rejects.toBeInstanceOf(FourEyesError)
    const approved = await approveReply(store, String(caseId), {actor: 'clerk', now})
    expect(approved).toMatchObject({status: 'approved', approvedBy: 'clerk', approvedAt: now.toISOString()})
    await expect(approveReply(store, String(caseId), {actor: 'leader', now})).rejects.toThrow(/not a draft/)
    expect((await listReplies(store, {status: ['approved'], unit: 'city'})).map((r) => [r.caseId, r.title, r.unit, r.approvedBy])).toEqual([[caseId, '小区停水三天', 'city.water', 'clerk']])
    expect(await listReplies(store, {status: ['approved'], unit: 'city.edu'})).toEqual([])
    expect(await listReplies(store, {status: ['draft']})).toEqual([])
    const events = await store.events.forCase(caseId)
    expect(events.filter((e) => e.action === 'reply.approve')).toEqual([expect.objectContaining({actor: 'clerk', after: {replyId: approved.id, author: 'clerk2'}})])
    // A new version drops the approval: the approved text is no longer the text.
    const redrafted = await draftReply(store, String(caseId), {kind: 'body', text: GOOD + '谢谢！'}, {...clerk, actor: 'clerk2'})
    expect(redrafted.reply).toMatchObject({status: 'draft', approvedBy: null})
  })

  it('a send attempt holds a lease: a second sender is refused until the first finishes', async () => {
    const reply = (await store.replies.open(caseId))!
    const a = await store.replies.startAttempt(reply.id, 'outbox', clerk)
    await expect(store.replies.startAttempt(reply.id, 'outbox', clerk)).rejects.toThrow(/being sent by another run/)
    const failed = await store.replies.finishAttempt(a.id, {ok: false, error: 'disk full'}, {now})
    expect(failed.status).toBe('failed')
    await expect(draftReply(store, String(caseId), {kind: 'body', text: GOOD}, clerk)).rejects.toThrow(/waiting for a retry/)
    const b = await store.replies.startAttempt(reply.id, 'outbox', clerk)
    const sent = await store.replies.finishAttempt(b.id, {ok: true}, {now})
    expect(sent).toMatchObject({status: 'sent', sentAt: now.toISOString(), channel: 'outbox'})
    expect((await store.replies.attempts(reply.id)).map((x) => [x.ok, x.error])).toEqual([[false, 'disk full'], [true, null]])
    await expect(store.replies.startAttempt(reply.id, 'outbox', clerk)).rejects.toThrow(/already sent/)
    expect(await store.replies.open(caseId)).toBeUndefined()
    expect(await store.replies.countByStatus()).toEqual({sent: 1})
  })

  it('ratings: unsatisfied reopens in the same transaction; the same rating twice is stored once', async () => {
    const c = (await store.cases.change(caseId, {status: 'replied'}, {...clerk, action: 'reply.send'}))
    const r = await rateCase(store, c, {satisfied: false, comment: '还是没水', ratedAt: '2024-03-03T00:00:00.000Z', source: null}, clerk)
    expect(r).toMatchObject({recorded: true, reopened: true})
    expect((await store.cases.get(caseId))!.status).toBe('reopened')
    const again = await rateCase(store, (await store.cases.get(caseId))!, {satisfied: false, comment: '还是没水', ratedAt: '2024-03-03T00:00:00.000Z', source: null}, clerk)
    expect(again).toMatchObject({recorded: false, reopened: false})
    const ratings = await store.ratings.forCase(caseId)
    expect(ratings).toEqual([expect.objectContaining({satisfied: false, comment: '还是没水', ratedAt: '2024-03-03T00:00:00.000Z', actor: 'clerk'})])
    const fresh = (await store.cases.getByRef('test', '2'))!
    await expect(rateCase(store, fresh, {satisfied: true, comment: null, ratedAt: now.toISOString(), source: null}, clerk)).rejects.toThrow(/only a replied or closed case/)
    expect(await store.ratings.forCase(fresh.id)).toEqual([])
    await expect(approveReply(store, '999999', {actor: 'x', now})).rejects.toBeInstanceOf(NotFoundError)
  })
})
