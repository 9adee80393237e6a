import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {renderCard} from '../../src/cli/triage-card.js'
import type {Case, IncomingCase} from '../../src/domain/case.js'
import {suggest} from '../../src/domain/suggest.js'
import {DEFAULT_KEYWORDS, mergeKeywords, validateKeywords} from '../../src/domain/triage-keywords.js'
import {autoTriage} from '../../src/services/triage/auto.js'
import {setCaseFlags} from '../../src/services/cases/flags.js'
import {explainSla} from '../../src/services/sla/explain.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// The urgent flag (紧急) can be set wherever category can: keyword lists, the card, --auto, and a
// command for one case or many, with the deadline following the "urgent collective" rule.

const WALL = {title: 'A3区围墙倒塌', body: 'A3区小区围墙倒塌，几十户居民出行受阻，情况紧急，请尽快处理'}
const now = new Date('2024-03-04T02:00:00Z')

function incoming(ref: string, over: Partial<IncomingCase> = {}): IncomingCase {
  return {
    source: 'test', ref, title: WALL.title, body: WALL.body, author: `u${ref}`, contact: null, postedAt: '2024-03-04T01:00:00.000Z',
    region: 'A3区', addressee: null, type: null, category: '城乡建设', likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
  }
}

describe('urgent in keyword lists and suggestions', () => {
  it('triage.keywords accepts flags.urgent', () => {
    expect(validateKeywords({flags: {urgent: ['十万火急']}})).toEqual([])
    expect(mergeKeywords({flags: {urgent: ['火烧眉毛']}}).flags.urgent).toContain('火烧眉毛')
  })

  it('a message saying 情况紧急 is suggested urgent and collective, with reasons on the card', () => {
    const c = {id: 1, ref: 'r1', ...WALL, author: 'x', postedAt: now.toISOString(), category: '城乡建设', type: null, region: null, flags: {collective: false, utility: false, safety: false, urgent: false}} as unknown as Case
    const s = suggest(c, {keywords: DEFAULT_KEYWORDS, rules: []})
    expect(s.flags.urgent).toMatchObject({value: true, reasons: ['"紧急" in body']})
    expect(s.flags.collective.value).toBe(true)
    const card = renderCard(c, s, {lang: 'zh', tz: 'Asia/Shanghai', now, width: 100, remaining: 1})
    expect(card).toMatch(/紧急标记: 群体性, 安全, 紧急 +← .*"紧急"（正文）/)
  })
})

describe.each(backendList)('flags on $name', (backend) => {
  let store: Store
  const who = {actor: 'clerk', now}
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now})
    await store.cases.importBatch([incoming('1'), incoming('2'), incoming('3', {title: '路灯不亮', body: '小区路灯坏了'})], who)
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('triage --auto sets urgent and the urgent collective rule gives 2 hours', async () => {
    const id = (await store.cases.getByRef('test', '1'))!.id
    const r = await autoTriage(store, {worker: 'w', actor: 'auto', now: () => now, minConfidence: 0, dryRun: false})
    expect(r.items.find((i) => i.id === id)?.flags).toEqual(['collective', 'safety', 'urgent'])
    const c = (await store.cases.get(id))!
    expect(c.flags.urgent).toBe(true)
    expect(c.resolveDueAt).toBe('2024-03-04T04:00:00.000Z')
  })

  it('sla explain names the rule, the flags it needs and the zone', async () => {
    const e = await explainSla(store, 'test/1', {now})
    expect(e.rule).toMatchObject({name: 'urgent collective', index: 0, match: {flags: ['urgent', 'collective']}})
    expect(e.flags).toEqual({set: ['collective', 'safety', 'urgent'], matched: ['urgent', 'collective']})
    expect(e.zone).toEqual({name: 'Asia/Shanghai', stored: false})
  })

  it('setCaseFlags flags many cases: an audit event each and deadlines recomputed', async () => {
    const id = (await store.cases.getByRef('test', '3'))!.id
    const before = (await store.cases.get(id))!
    expect(before.flags.urgent).toBe(false)
    const r = await setCaseFlags(store, [id, 999_999], {urgent: true, collective: true}, {actor: 'admin', now, reason: 'phoned in'})
    expect(r.failed).toEqual([{id: 999_999, reason: 'no such case'}])
    expect(r.succeeded).toMatchObject([{id, changed: true, resolveDueAt: '2024-03-04T04:00:00.000Z'}])
    const events = await store.events.forCase(id)
    expect(events.find((e) => e.action === 'flag')).toMatchObject({actor: 'admin'})
    const cleared = await setCaseFlags(store, [id], {urgent: false}, {actor: 'admin', now})
    expect(cleared.succeeded[0].flags.urgent).toBe(false)
    expect(cleared.succeeded[0].resolveDueAt).not.toBe('2024-03-04T04:00:00.000Z')
  })
})
