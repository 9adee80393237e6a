import {describe, expect, it} from 'vitest'

import {localDate, localYear} from '../../src/domain/sla/zone.js'

// localYear skips the zone lookup away from a new year; near one it must still say what
// localDate says, in the zones furthest from UTC either way.
describe('localYear', () => {
  it.each(['Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'UTC', 'Asia/Kathmandu'])('agrees with localDate in %s', (tz) => {
    const instants: number[] = []
    for (const year of [1901, 2020, 2021, 2024, 2038]) {
      const edge = Date.UTC(year, 0, 1)
      for (let h = -40; h <= 40; h += 0.5) instants.push(edge + h * 3_600_000, edge + h * 3_600_000 - 1)
    }
    for (let i = 0; i < 500; i++) instants.push(Date.UTC(2000, 0, 1) + i * 20_000_003_001)
    for (const ms of instants) expect(localYear(ms, tz), new Date(ms).toISOString()).toBe(Number(localDate(ms, tz).slice(0, 4)))
  })
})
