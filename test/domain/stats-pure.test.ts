import {describe, expect, it} from 'vitest'

import {bar, barChart, sparkline} from '../../src/cli/terminal-chart.js'
import {bigrams, hotTopics, similarity} from '../../src/domain/hot-topics.js'
import {parseDimensions, toStatsRows} from '../../src/domain/stats.js'
import {escapeHtml, scriptJson} from '../../src/report/escape.js'
import {STATS_DIMENSIONS} from '../../src/store/stats.js'

describe('hot topics', () => {
  it('clusters titles about the same thing and ranks by messages and likes', () => {
    const topics = hotTopics([
      {id: 1, title: 'A7县星沙镇夜宵一条街噪音扰民', likes: 3},
      {id: 2, title: '关于星沙镇夜宵一条街噪音扰民的投诉', likes: 1},
      {id: 3, title: '星沙镇夜宵街噪音扰民严重', likes: 0},
      {id: 4, title: '咨询A市落户政策', likes: 0},
      {id: 5, title: 'A市落户政策咨询', likes: 0},
      {id: 6, title: '公交站台破损', likes: 400},
    ])
    expect(topics.map((t) => [t.count, t.ids.sort()])).toEqual([
      [1, [6]], // √400 + 1 = 21
      [3, [1, 2, 3]],
      [2, [4, 5]],
    ])
    expect(topics[1].label).toBe('A7县星沙镇夜宵一条街噪音扰民')
  })

  it('ignores filler words and punctuation when comparing', () => {
    expect([...bigrams('关于，噪音！')]).toEqual(['噪音'])
    expect(similarity(bigrams('请求解决停车难问题'), bigrams('停车难'))).toBe(1)
    expect(similarity(bigrams('停车难'), bigrams('垃圾站'))).toBe(0)
  })
})

describe('stats maths and views', () => {
  it('ratios with nothing to divide by are null, not 0', () => {
    const zero = {n: 0, mean: null, median: null, p90: null}
    const [row] = toStatsRows([
      {key: {}, count: 4, replied: 2, resolved: 1, suggestions: 1, rated: 0, satisfied: 0, reopened: 1, respondDays: zero, resolveDays: zero,
        respondWorkingDays: zero, resolveWorkingDays: zero, respondDue: 0, respondOnTime: 0, resolveDue: 2, resolveOnTime: 1},
    ])
    expect(row).toMatchObject({share: 1, repliedShare: 0.5, suggestionShare: 0.25, reopenRate: 0.25, satisfiedShare: null, onTime: {respond: null, resolve: 0.5}})
  })

  it('parses --by lists', () => {
    expect(parseDimensions('year, category,year', STATS_DIMENSIONS)).toEqual(['year', 'category'])
    expect(parseDimensions('year,weekday', STATS_DIMENSIONS)).toBe('weekday')
    expect(parseDimensions(undefined, STATS_DIMENSIONS)).toEqual([])
  })

  it('bars scale to the largest value in eighths; sparklines span min..max; CJK labels align', () => {
    expect(bar(10, 10, 4)).toBe('████')
    expect(bar(1, 8, 1)).toBe('▏')
    expect(bar(0, 8, 4)).toBe('')
    expect(sparkline([1, 5, null, 9])).toBe('▁▅ █')
    const lines = barChart([{label: '城乡建设', value: 2, display: '2'}, {label: 'ab', value: 1, display: '1'}], {width: 4, color: false}).split('\n')
    expect(lines[0]).toBe('城乡建设 │████ 2')
    expect(lines[1]).toBe('ab       │██ 1')
    expect(barChart([{label: '\u001B[31mx', value: 1, display: '1'}], {color: false})).not.toContain('\u001B')
  })

  it('report escaping keeps citizen text inert in HTML and in embedded JSON', () => {
    expect(escapeHtml('<img src=x onerror="a()">&\'')).toBe('&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;')
    const json = scriptJson({t: '</script><!--\u2028'})
    expect(json).not.toMatch(/<|>|\u2028/)
    expect(JSON.parse(json)).toEqual({t: '</script><!--\u2028'})
  })
})
