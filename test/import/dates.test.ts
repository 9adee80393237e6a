import {describe, expect, it} from 'vitest'

import {DateParseError, parseTimestamp} from '../../src/import/check/dates.js'

describe('parseTimestamp: the date shapes exports use, to exact UTC instants', () => {
  it.each([
    ['2019/4/5 9:03:01', 'Asia/Shanghai', '2019-04-05T01:03:01.000Z'],
    ['2019-04-05 09:03:01', 'Asia/Shanghai', '2019-04-05T01:03:01.000Z'],
    ['2019-04-05T09:03', 'Asia/Shanghai', '2019-04-05T01:03:00.000Z'],
    ['2019年4月5日 9:03', 'Asia/Shanghai', '2019-04-05T01:03:00.000Z'],
    ['  2019-04-05 09:03:01.5 ', 'Asia/Shanghai', '2019-04-05T01:03:01.500Z'],
    // An explicit offset wins over the import's zone.
    ['2019-04-05T09:03:01+08:00', 'America/New_York', '2019-04-05T01:03:01.000Z'],
    ['2019-04-05T09:03:01.250+0800', 'UTC', '2019-04-05T01:03:01.250Z'],
    ['2019-04-05T01:03:01Z', 'Asia/Shanghai', '2019-04-05T01:03:01.000Z'],
    // A date alone is local midnight.
    ['2019-04-05', 'Asia/Shanghai', '2019-04-04T16:00:00.000Z'],
    ['2019/4/5', 'UTC', '2019-04-05T00:00:00.000Z'],
    // Excel serials: days since 1899-12-30, local wall time.
    ['43560', 'Asia/Shanghai', '2019-04-04T16:00:00.000Z'],
    ['43560.375', 'Asia/Shanghai', '2019-04-05T01:00:00.000Z'],
    ['25569', 'UTC', '1970-01-01T00:00:00.000Z'],
    // Local times around daylight-saving changes: the zone's offset on that side of the change.
    ['2019-03-10 03:30:00', 'America/New_York', '2019-03-10T07:30:00.000Z'],
    ['2019-07-01 12:00:00', 'America/New_York', '2019-07-01T16:00:00.000Z'],
    ['2019-11-03 01:30:00', 'America/New_York', '2019-11-03T05:30:00.000Z'],
    // Leap days: every fourth year, not a century's unless it divides by 400.
    ['2020-02-29', 'UTC', '2020-02-29T00:00:00.000Z'],
    ['2000/2/29 12:00', 'UTC', '2000-02-29T12:00:00.000Z'],
    ['2019-12-31 23:59:59', 'UTC', '2019-12-31T23:59:59.000Z'],
  ])('%s in %s is %s', (raw, tz, want) => {
    expect(parseTimestamp(raw, tz)).toBe(want)
  })

  it.each(['', '2019-13-01', '2019-02-30', '2019-02-29', '1900-02-29', '2019-04-31', '2019-00-10', '2019-04-00', '2019-04-05 24:00', 'yesterday', '05/04/2019', '2019-04-05T09:03:01+25:00', '0'])(
    'rejects %j',
    (raw) => {
      expect(() => parseTimestamp(raw, 'Asia/Shanghai')).toThrow(DateParseError)
    },
  )
})
