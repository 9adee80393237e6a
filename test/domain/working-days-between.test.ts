import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {buildCalendar} from '../../src/domain/sla/calendar.js'
import {WorkingDaysMeter} from '../../src/domain/sla/working-days-between.js'
import {DAY, measure} from '../../src/domain/sla/working-time.js'

// 2019 National Day: 1–7 Oct off, Sun 29 Sep and Sat 12 Oct make-up workdays.
const cal = buildCalendar([
  {
    year: 2019,
    days: [
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({name: '国庆节', date: `2019-10-0${d}`, isOffDay: true})),
      {name: '国庆节', date: '2019-09-29', isOffDay: false},
      {name: '国庆节', date: '2019-10-12', isOffDay: false},
    ],
  },
])

describe('working days between two instants', () => {
  it('agrees with the SLA clock (measure in working days) in any order of use', () => {
    const start = Date.parse('2019-09-01T00:00:00Z')
    const span = 90 * DAY
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({min: 0, max: span}), fc.integer({min: 0, max: span})), {minLength: 1, maxLength: 20}), (pairs) => {
        const meter = new WorkingDaysMeter(cal)
        for (const [a, b] of pairs) expect(meter.between(start + a, start + b)).toBeCloseTo(measure(cal, 'workingDays', start + a, start + b) / DAY, 9)
      }),
    )
  })

  it('skips the holiday and counts the make-up Saturday', () => {
    const meter = new WorkingDaysMeter(cal)
    expect(meter.between(Date.parse('2019-09-30T02:00:00Z'), Date.parse('2019-10-08T02:00:00Z'))).toBeCloseTo(1, 9)
    expect(meter.between(Date.parse('2019-10-11T16:00:00Z'), Date.parse('2019-10-12T04:00:00Z'))).toBeCloseTo(0.5, 9)
  })
})
