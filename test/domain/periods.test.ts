import {describe, expect, it} from 'vitest'

import {periodStarts} from '../../src/domain/periods.js'

const at = (iso: string) => Date.parse(iso)

describe('period starts in a zone', () => {
  it('years in Shanghai begin at 16:00 UTC the day before', () => {
    const p = periodStarts('year', at('2018-12-31T16:00:00Z'), at('2020-12-31T15:59:59Z'), 'Asia/Shanghai')
    expect(p.map((x) => x.label)).toEqual(['2019', '2020'])
    expect(new Date(p[0].start).toISOString()).toBe('2018-12-31T16:00:00.000Z')
  })

  it('a case posted at 23:30 local on 31 Dec belongs to that year, not the next UTC one', () => {
    const p = periodStarts('year', at('2019-12-31T15:30:00Z'), at('2019-12-31T15:30:00Z'), 'Asia/Shanghai')
    expect(p.map((x) => x.label)).toEqual(['2019'])
  })

  it('quarters and months start where the local calendar says, across daylight saving', () => {
    const q = periodStarts('quarter', at('2021-02-10T00:00:00Z'), at('2021-08-01T00:00:00Z'), 'America/New_York')
    expect(q.map((x) => x.label)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3'])
    // 1 Apr 2021 is in daylight time (UTC−4), 1 Jan in standard time (UTC−5).
    expect(new Date(q[1].start).toISOString()).toBe('2021-04-01T04:00:00.000Z')
    expect(new Date(q[0].start).toISOString()).toBe('2021-01-01T05:00:00.000Z')
    const m = periodStarts('month', at('2021-11-15T00:00:00Z'), at('2022-01-02T00:00:00Z'), 'Asia/Shanghai')
    expect(m.map((x) => x.label)).toEqual(['2021-11', '2021-12', '2022-01'])
  })
})
