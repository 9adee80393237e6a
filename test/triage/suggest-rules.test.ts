import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {findDuplicates, jaccard, shingles} from '../../src/domain/duplicates.js'
import {route, type RoutingRule, validateRules} from '../../src/domain/routing.js'
import {suggestFlags, suggestType} from '../../src/domain/suggest-type.js'
import {DEFAULT_KEYWORDS, mergeKeywords, validateKeywords} from '../../src/domain/triage-keywords.js'
import {tip} from './tipdm-rows.js'

const kw = DEFAULT_KEYWORDS
const type = (ref: string) => suggestType(tip(ref).title, tip(ref).body, kw)
const flags = (ref: string) => suggestFlags(tip(ref).title, tip(ref).body, kw)

describe('type (类型) from keywords, on real messages', () => {
  it.each([
    ['17675', 'inquiry', '"咨询" in title'], // 咨询A7县购房卷兑换事宜
    ['9559', 'complaint', '"投诉" in title'], // 投诉A3区A6区坡商贸城社区化粪池脏水肆意横流
    ['24496', 'suggestion', '"建议" in title'], // 给908区间线的公交线路一些建议
    ['142583', 'help', '"求助" in title'], // 儿子因接种流脑疫苗而致残，C3县杨嘉桥镇母亲求助！
  ])('%s → %s because %s', (ref, expected, reason) => {
    const s = type(ref)
    expect(s.value).toBe(expected)
    expect(s.reasons).toContain(reason)
    expect(s.confidence).toBeGreaterThan(0.3)
  })

  it('a title ending in a question mark leans to inquiry (邮政社区缴费一站通为何不能收取燃气费？)', () => {
    const s = type('167103')
    expect(s.value).toBe('inquiry')
    expect(s.reasons).toContain('"？" in title')
  })

  it('no keyword at all → other with an honest reason', () => {
    expect(suggestType('见到看到', '见到看到', kw)).toEqual({value: 'other', confidence: 0.5, reasons: ['no type keyword found']})
  })

  it("a team's extra keyword changes the answer", () => {
    const custom = mergeKeywords({types: {complaint: ['见到']}})
    expect(suggestType('见到看到', '', custom).value).toBe('complaint')
    expect(custom.types.complaint).toContain('投诉') // defaults kept
  })
})

describe('urgency flags, on real messages', () => {
  it('utility: 停电 in a title (L2县铜鼎镇为何老是无故停电)', () => {
    expect(flags('130826').utility).toMatchObject({value: true, reasons: ['"停电" in title']})
  })
  it('utility: 停水停电 in a body (自然岭、雅塘片区必须要改造了)', () => {
    expect(flags('27970').utility.reasons).toEqual(['"停水" in body', '"停电" in body'])
  })
  it('collective: 联名 (A4区维一星城原山苑业主联名投诉房屋工程质量问题) and 村民们 (白草云村被养猪场包围)', () => {
    expect(flags('31246').collective.value).toBe(true)
    expect(flags('117534').collective.reasons).toContain('"村民们" in body')
  })
  it('safety: 火灾 and 安全隐患 in bodies', () => {
    expect(flags('530').safety.reasons).toContain('"火灾" in body') // A3区魏家坡小区脏乱差: 一旦发生火灾
    expect(flags('98282').safety.reasons).toContain('"安全隐患" in body')
  })
  it('no flag on an ordinary request (咨询A7县购房卷兑换事宜)', () => {
    const f = flags('17675')
    expect([f.collective.value, f.utility.value, f.safety.value]).toEqual([false, false, false])
  })
  it('property: a flag is set exactly when one of its words occurs', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...kw.flags.utility), fc.string(), (a, w, b) => {
        expect(suggestFlags(a + w + b, '', kw).utility.value).toBe(true)
      }),
    )
  })
})

describe('keyword setting validation', () => {
  it('accepts additions and names the path of each problem', () => {
    expect(validateKeywords({types: {help: ['救命']}, flags: {utility: ['没水']}})).toEqual([])
    expect(validateKeywords({types: {praise: ['好']}, flags: {utility: 'x'}, other: {}})).toEqual([
      'types.praise: unknown (known: suggestion, complaint, inquiry, help)',
      'flags.utility: expected a list of non-empty words',
      'other: unknown (use types or flags)',
    ])
  })
})

describe('routing rules', () => {
  const rules: RoutingRule[] = [
    {name: 'gas', keywords: ['燃气', '天然气'], unit: 'a-gas'},
    {name: 'A7 housing', category: '城乡建设', region: 'A7县', unit: 'a7-housing'},
    {category: ['城乡建设', '环境保护'], unit: 'a-housing'},
  ]
  const asCase = (ref: string, region: string | null = null) => ({...tip(ref), category: tip(ref).category, region})

  it('first match wins and says why (A7县毛唐铺…何时能通天然气？ is gas, not A7 housing)', () => {
    expect(route(asCase('17958'), rules)).toEqual({unit: 'a-gas', rule: 0, reasons: ['gas → a-gas', 'keyword "天然气"']})
  })
  it('region condition matches the text when the case has no region (咨询A7县购房卷兑换事宜)', () => {
    expect(route(asCase('17675'), rules)).toEqual({unit: 'a7-housing', rule: 1, reasons: ['A7 housing → a7-housing', 'category 城乡建设', 'region "A7县" in text']})
  })
  it('region condition uses the stored region first', () => {
    expect(route(asCase('17675', 'B1区'), rules)?.unit).toBe('a-housing')
  })
  it('no rule matches → null (a 卫生计生 message)', () => {
    expect(route(asCase('142583'), rules)).toBeNull()
  })
  it('validation catches a rule with no unit or no condition', () => {
    expect(validateRules([{category: 'x'}, {unit: 'u'}, {unit: 'u', colour: 1}])).toEqual([
      '[0].unit: required',
      '[1]: no condition (would match everything; put it last with a name if intended)',
      '[2].colour: unknown field',
      '[2]: no condition (would match everything; put it last with a name if intended)',
    ])
  })
})

describe('possible duplicates (并案)', () => {
  const asCand = (ref: string, id: number) => ({id, ...tip(ref)})

  it('same author within the window (U0006934 posted two 建议 two minutes apart)', () => {
    const d = findDuplicates(asCand('24496', 1), [asCand('60621', 2)])
    expect(d).toEqual([{id: 2, score: 0.5, reasons: ['same author U0006934']}])
  })
  it('same author outside the window is not offered (U0005563, months apart)', () => {
    expect(findDuplicates(asCand('17958', 1), [asCand('25510', 2)], {windowDays: 30})).toEqual([])
  })
  it('a repost with small edits by someone else is offered with its similarity', () => {
    const orig = asCand('530', 1)
    const repost = {...orig, id: 2, author: 'U9', title: orig.title + '！', body: '再次反映：' + orig.body.slice(0, -10)}
    const d = findDuplicates(repost, [orig, asCand('9559', 3)])
    expect(d.map((x) => x.id)).toEqual([1])
    expect(d[0].score).toBeGreaterThan(0.8)
    expect(d[0].reasons[0]).toMatch(/^text \d+% similar$/)
  })
  it('property: jaccard is symmetric, in [0,1], and 1 on identical text', () => {
    fc.assert(
      fc.property(fc.string({minLength: 3}), fc.string(), (a, b) => {
        const j = jaccard(shingles(a), shingles(b))
        expect(j).toBe(jaccard(shingles(b), shingles(a)))
        expect(j).toBeGreaterThanOrEqual(0)
        expect(j).toBeLessThanOrEqual(1)
        if (shingles(a).size > 0) expect(jaccard(shingles(a), shingles(a))).toBe(1)
      }),
    )
  })
})
