import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import type {HolidayYear} from '../../domain/sla/calendar.js'

// The State Council schedules shipped with board (data/holidays, holiday-cn, MIT).
const DIR = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'holidays')
const SRC_DIR = join(import.meta.dirname, '..', '..', '..', 'data', 'holidays')

let cache: HolidayYear[] | undefined

export function bundledHolidayYears(): HolidayYear[] {
  if (cache) return cache
  // Built code runs from dist/src/…, tests from src/…: one of the two is the package's data folder.
  const dir = [DIR, SRC_DIR].find((d) => {
    try {
      return readdirSync(d).length > 0
    } catch {
      return false
    }
  })
  if (!dir) return (cache = [])
  cache = readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as HolidayYear)
  return cache
}
