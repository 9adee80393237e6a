import {afterAll, describe, expect, it} from 'vitest'

import {PostgresExecutor} from '../../src/store/postgres/executor.js'
import {isoFromPostgres} from '../../src/store/postgres/timestamps.js'
import {backendList} from '../helpers/backends.js'

const postgres = backendList.filter((b) => b.name === 'postgres')

describe('isoFromPostgres', () => {
  it('reads the text form the way Date does, offsets, fractions and all', () => {
    const cases = [
      '2021-01-01 00:00:00+00', '2021-01-01 08:00:00+08', '2024-02-29 23:59:59.999+00', '2024-02-29 23:59:59.9995+00',
      '2024-07-01 12:00:00.5-04', '1999-12-31 18:30:00+05:30', '2010-06-15 03:15:07.123456-09:30',
    ]
    for (const text of cases) expect(isoFromPostgres(text, true), text).toBe(new Date(text).toISOString())
    expect(isoFromPostgres('2021-01-01 00:00:00.25', false)).toBe('2021-01-01T00:00:00.250Z')
    // A local mean time offset carries seconds, which Date cannot read at all.
    expect(isoFromPostgres('1900-01-01 00:19:32+00:19:32', true)).toBe('1900-01-01T00:00:00.000Z')
  })

  it('leaves forms it does not read to Date', () => {
    expect(isoFromPostgres('0099-03-01 00:00:00+00', true)).toBe(new Date('0099-03-01 00:00:00+00').toISOString())
    expect(() => isoFromPostgres('infinity', true)).toThrow(RangeError)
  })
})

// Whatever the server's zone, a row carries the instant PostgreSQL holds, as ISO in UTC.
describe.each(postgres)('timestamps from $name', (backend) => {
  afterAll(() => backend.cleanup())

  it.each(['UTC', 'Asia/Shanghai', 'America/St_Johns', 'Asia/Kathmandu', 'Europe/Amsterdam'])('in a session at %s', async (zone) => {
    const {executor} = await PostgresExecutor.connect(await backend.location())
    try {
      await executor.run(`SET TIME ZONE '${zone}'`)
      const rows = await executor.all<{t: string; utc: string; plain: string}>(
        `SELECT t, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS utc, (t AT TIME ZONE 'UTC') AS plain
         FROM unnest(ARRAY['2021-01-01 00:00:00Z', '1901-03-04 05:06:07.891Z', '2024-03-31 01:30:00.000001Z', '2024-10-27 00:59:59.999Z']::timestamptz[]) AS t`,
      )
      for (const r of rows) {
        expect(r.t).toBe(r.utc)
        expect(r.plain).toBe(r.utc)
      }
    } finally {
      await executor.close()
    }
  })
})
