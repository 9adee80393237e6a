import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {buildCalendar, dayInfo} from '../../src/domain/sla/calendar.js'
import {computeDeadlines, type ClockHistory} from '../../src/domain/sla/clock.js'
import {DEFAULT_POLICY, type SlaPolicy} from '../../src/domain/sla/policy.js'
import {addWorkingDays, advance, countWorkingDays} from '../../src/domain/sla/working-time.js'
import {bundledHolidayYears} from '../../src/services/sla/bundled-calendar.js'

const cal = buildCalendar(bundledHolidayYears())
const at = (s: string) => Date.parse(s)
const iso = (ms: number) => new Date(ms).toISOString()
const facts = (over: Partial<Parameters<typeof computeDeadlines>[0]> = {}) => ({
  category: '城乡建设', type: null, flags: {collective: false, utility: false, safety: false, urgent: false},
  unit: null, region: null, title: '路灯不亮', body: '小区门口路灯坏了', ...over,
})
const history = (start: string, over: Partial<ClockHistory> = {}): ClockHistory => ({start, pauses: [], transfers: [], reopenedAt: null, ...over})

describe('working calendar on State Council notices', () => {
  it('knows National Day 2019 and its make-up days', () => {
    expect(dayInfo(cal, '2019-10-03')).toMatchObject({working: false, kind: 'holiday'})
    expect(dayInfo(cal, '2019-09-29')).toMatchObject({working: true, kind: 'makeup'}) // a Sunday
    expect(dayInfo(cal, '2019-10-12')).toMatchObject({working: true, kind: 'makeup'}) // a Saturday
    expect(dayInfo(cal, '2019-10-19')).toMatchObject({working: false, kind: 'weekend'})
  })

  it('takes December days filed under the next year (2018-12-29 make-up Saturday from 2019.json)', () => {
    expect(dayInfo(cal, '2018-12-29')).toMatchObject({working: true, kind: 'makeup'})
  })

  it('15 working days from Friday 2019-09-27 end on 2019-10-23, not the Monday–Friday 10-18', () => {
    const due = addWorkingDays(cal, at('2019-09-27T10:00:00+08:00'), 15)
    expect(iso(due)).toBe('2019-10-23T15:59:59.000Z') // 23:59:59 in Shanghai
    const monFri = buildCalendar([])
    expect(iso(addWorkingDays(monFri, at('2019-09-27T10:00:00+08:00'), 15))).toBe('2019-10-18T15:59:59.000Z')
  })

  it('15 working days across National Day 2023 (make-up Saturdays 10-07 and 10-08)', () => {
    const d = computeDeadlines(facts(), history('2023-09-27T09:00:00+08:00'), DEFAULT_POLICY, cal, new Date('2023-09-27T09:00:00Z'))
    // counted: 09-28, 10-07, 10-08, 10-09…13, 10-16…20, 10-23, 10-24 (holiday 09-29…10-06 skipped)
    expect(d.resolve?.dueAt).toBe('2023-10-24T09:30:00.000Z') // close of business 17:30 (policy working hours)
    expect(d.respond?.dueAt).toBe('2023-09-28T09:30:00.000Z')
    expect(d.resolve?.skipped.filter((s) => s.kind === 'holiday').map((s) => s.date)).toEqual([
      '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06',
    ])
    expect(d.warnings).toEqual([])
  })

  it('2 hours of real time run across midnight and holidays', () => {
    const c = facts({flags: {collective: true, urgent: true, utility: false, safety: false}})
    const d = computeDeadlines(c, history('2019-10-01T23:00:00+08:00'), DEFAULT_POLICY, cal, new Date('2019-10-01T15:00:00Z'))
    expect(d.ruleName).toBe('urgent collective')
    expect(d.resolve?.dueAt).toBe(iso(at('2019-10-02T01:00:00+08:00')))
  })

  it('working hours skip lunch, evenings and weekends', () => {
    const withHours = buildCalendar(bundledHolidayYears(), {hours: [[540, 720], [810, 1050]]})
    // Friday 16:30 + 3 working hours: 1 h on Friday, then Monday 09:00-11:00
    expect(iso(advance(withHours, 'workingHours', at('2024-05-31T16:30:00+08:00'), 3 * 3_600_000))).toBe(iso(at('2024-06-03T11:00:00+08:00')))
  })

  it('a wait extends the deadline by the working days it covered; an open wait marks it paused', () => {
    const start = '2023-11-06T09:00:00+08:00'
    const plain = computeDeadlines(facts(), history(start), DEFAULT_POLICY, cal, new Date(start))
    expect(plain.resolve?.dueAt).toBe('2023-11-27T09:30:00.000Z')
    const waited = computeDeadlines(facts(), history(start, {pauses: [{from: '2023-11-08T00:00:00+08:00', to: '2023-11-11T00:00:00+08:00'}]}), DEFAULT_POLICY, cal, new Date('2023-11-20T00:00:00Z'))
    expect(waited.resolve?.dueAt).toBe('2023-11-30T09:30:00.000Z')
    const open = computeDeadlines(facts(), history(start, {pauses: [{from: '2023-11-08T00:00:00+08:00', to: null}]}), DEFAULT_POLICY, cal, new Date('2023-11-10T16:00:00Z'))
    expect(open.paused).toBe(true)
    expect(open.resolve?.dueAt).toBe('2023-11-30T09:30:00.000Z')
  })

  it.each([
    ['keep', '2024-03-04T10:00:00.000Z'],
    ['restart', '2024-03-04T14:00:00.000Z'],
    ['remaining', '2024-03-04T12:00:00.000Z'],
  ] as const)('transfer %s', (transfer, due) => {
    const policy: SlaPolicy = {rules: [{resolve: '10h', transfer}]}
    const h = history('2024-03-04T00:00:00Z', {transfers: [{at: '2024-03-04T04:00:00Z', acceptedAt: '2024-03-04T06:00:00Z'}]})
    expect(computeDeadlines(facts(), h, policy, cal, new Date('2024-03-04T08:00:00Z')).resolve?.dueAt).toBe(due)
  })

  it('reopen starts a new cycle with the full time', () => {
    const policy: SlaPolicy = {rules: [{resolve: '10h'}]}
    const h = history('2024-03-04T00:00:00Z', {reopenedAt: '2024-03-10T00:00:00Z'})
    expect(computeDeadlines(facts(), h, policy, cal, new Date('2024-03-10T01:00:00Z')).resolve?.dueAt).toBe('2024-03-10T10:00:00.000Z')
  })

  it('past the last covered year it counts Monday–Friday and says so', () => {
    const short = buildCalendar(bundledHolidayYears().filter((y) => y.year <= 2019))
    const d = computeDeadlines(facts(), history('2019-12-20T09:00:00+08:00'), DEFAULT_POLICY, short, new Date('2019-12-20T01:00:00Z'))
    expect(d.warnings.join(' ')).toMatch(/ends with 2019.*2020.*Monday–Friday/)
    const full = computeDeadlines(facts(), history('2019-12-20T09:00:00+08:00'), DEFAULT_POLICY, cal, new Date('2019-12-20T01:00:00Z'))
    expect(full.warnings).toEqual([])
  })

  it('property: adding N working days then counting them back gives N', () => {
    fc.assert(
      fc.property(fc.integer({min: at('2008-01-01T00:00:00Z'), max: at('2026-10-01T00:00:00Z')}), fc.integer({min: 0, max: 40}), (start, n) => {
        return countWorkingDays(cal, start, addWorkingDays(cal, start, n)) === n
      }),
      {numRuns: 300},
    )
  })
})

describe('an announced-but-empty year', () => {
  it('is not covered: the placeholder 2027 file of holiday-cn has no days of its own', async () => {
    const {buildCalendar, dayInfo} = await import('../../src/domain/sla/calendar.js')
    const cal = buildCalendar([
      {year: 2026, papers: ['x'], days: [{name: '元旦', date: '2026-01-01', isOffDay: true}]},
      {year: 2027, papers: [], days: []},
    ])
    expect(dayInfo(cal, '2026-06-01').uncovered).toBe(false)
    expect(dayInfo(cal, '2027-01-04').uncovered).toBe(true)
  })
})
