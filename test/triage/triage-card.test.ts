import {describe, expect, it} from 'vitest'

import {age, localiseReason, renderCard, wrap} from '../../src/cli/triage-card.js'
import type {Case} from '../../src/domain/case.js'
import {suggest} from '../../src/domain/suggest.js'
import {DEFAULT_KEYWORDS} from '../../src/domain/triage-keywords.js'
import {tip} from './tipdm-rows.js'

const now = new Date('2020-01-10T00:00:00Z')

describe('triage card', () => {
  it('wraps Chinese by display width and caps the lines', () => {
    const lines = wrap('一二三四五六七八九十', 8, 10)
    expect(lines).toEqual(['一二三四', '五六七八', '九十'])
    expect(wrap('甲\n乙\n丙', 10, 2)).toEqual(['甲', '乙', '…'])
  })

  it('strips escape sequences from citizen text before showing it', () => {
    expect(wrap('好\u001b[2J\u001b]0;pwned\u0007人', 20, 5)).toEqual(['好人'])
  })

  it('shows age in hours then days, in the UI language', () => {
    expect(age('2020-01-09T12:00:00Z', now, 'en')).toBe('12h ago')
    expect(age('2020-01-01T00:00:00Z', now, 'zh')).toBe('9 天前')
  })

  it('renders a real message with its suggestions and reasons, in Chinese too', () => {
    const r = tip('130826') // L2县铜鼎镇为何老是无故停电
    const c = {id: 5, ref: r.ref, title: r.title, body: r.body, author: r.author, postedAt: new Date(r.postedAt).toISOString(), category: null, type: null, region: null, flags: {collective: false, utility: false, safety: false, urgent: false}} as unknown as Case
    const s = suggest(c, {keywords: DEFAULT_KEYWORDS, rules: [{keywords: ['停电'], unit: 'l2-power'}]})
    const en = renderCard(c, s, {lang: 'en', tz: 'Asia/Shanghai', now, width: 80, remaining: 3})
    expect(en).toContain('Title: L2县铜鼎镇为何老是无故停电')
    expect(en).toMatch(/Urgency: utility {2}← "停电" in title/)
    expect(en).toContain('Unit: l2-power')
    const zh = renderCard(c, s, {lang: 'zh', tz: 'Asia/Shanghai', now, width: 80, remaining: 3})
    expect(zh).toMatch(/紧急标记: 水电气热 {2}← "停电"（标题）/)
    expect(zh).toContain('剩余 3 条')
    expect(localiseReason('classifier 97% (next: 环境保护 2%)', 'zh')).toBe('分类器 97%（其次：环境保护 2%）')
  })
})
