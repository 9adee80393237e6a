import {parse} from 'csv-parse/sync'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {buildCalendar} from '../../src/domain/sla/calendar.js'
import {addWorkingDays} from '../../src/domain/sla/working-time.js'
import {bundledHolidayYears} from '../../src/services/sla/bundled-calendar.js'
import {DATA, ROOT} from '../helpers/run-cli.js'

// Real replies (TipDM 2020 C): how many units answered within 15 working days versus 15 calendar
// days. board's deadline maths is checked against a deliberately simple day count written here.

const data = DATA
const rows = parse(readFileSync(join(data, 'tipdm2020c', 'replied_messages.csv')), {columns: true, bom: true}) as Record<string, string>[]
const pairs = rows.map((r) => ({posted: r['留言时间'].replaceAll('/', '-'), replied: r['答复时间'].replaceAll('/', '-')}))
const shanghai = (local: string) => Date.parse(local.replace(' ', 'T').replace(/-(\d)(?!\d)/g, '-0$1') + '+08:00')

/** Independent: a set of off days and make-up days straight from the JSON, and plain date strings. */
function independentWorkingDaysAfter(postedDate: string, replyDate: string, off: Set<string>, on: Set<string>): number {
  let n = 0
  const d = new Date(postedDate + 'T12:00:00Z')
  for (;;) {
    d.setUTCDate(d.getUTCDate() + 1)
    const s = d.toISOString().slice(0, 10)
    if (s > replyDate) return n
    const wd = d.getUTCDay()
    if (on.has(s) || (!off.has(s) && wd !== 0 && wd !== 6)) n++
  }
}

describe('TipDM 2020 C replies against a 15-day target', () => {
  it('share within 15 working days and within 15 calendar days agree with an independent count', () => {
    const off = new Set<string>()
    const on = new Set<string>()
    for (const f of Array.from({length: 20}, (_, i) => 2007 + i)) {
      const doc = JSON.parse(readFileSync(join(ROOT, 'data', 'holidays', `${f}.json`), 'utf8')) as {days: {date: string; isOffDay: boolean}[]}
      for (const day of doc.days) (day.isOffDay ? off : on).add(day.date)
    }
    const cal = buildCalendar(bundledHolidayYears())
    let boardWorking = 0
    let boardCalendar = 0
    let indepWorking = 0
    let indepCalendar = 0
    for (const p of pairs) {
      const posted = shanghai(p.posted)
      const replied = shanghai(p.replied)
      if (replied <= addWorkingDays(cal, posted, 15)) boardWorking++
      if (replied <= Date.parse(new Date(posted + 8 * 3_600_000).toISOString().slice(0, 10) + 'T23:59:59+08:00') + 15 * 86_400_000) boardCalendar++
      const pd = p.posted.slice(0, 10).replace(/-(\d)(?!\d)/g, '-0$1')
      const rd = p.replied.slice(0, 10).replace(/-(\d)(?!\d)/g, '-0$1')
      if (independentWorkingDaysAfter(pd, rd, off, on) <= 15) indepWorking++
      if ((Date.parse(rd) - Date.parse(pd)) / 86_400_000 <= 15) indepCalendar++
    }
    const share = (n: number) => Math.round((n / pairs.length) * 1000) / 10
    console.log(`${pairs.length} replies: ${share(boardWorking)} % within 15 working days, ${share(boardCalendar)} % within 15 calendar days`)
    expect(pairs.length).toBe(857)
    expect(boardWorking).toBe(indepWorking)
    expect(boardCalendar).toBe(indepCalendar)
    // Working days give more room than calendar days, never less.
    expect(boardWorking).toBeGreaterThan(boardCalendar)
  })
})
