import {dayInfo, type WorkingCalendar} from './calendar.js'
import {DAY} from './working-time.js'
import {addDays, localDate, localTime} from './zone.js'

// Working days elapsed between two instants, fractional: the time spent inside working days (whole
// local days of the official calendar, 调休 included) divided by the day's length. Equals
// measure(cal, 'workingDays', from, to) / DAY on 24-hour days. Statistics take it for every case,
// so working days are counted once into a running total per local date, not re-walked per case.

const dayIndex = (date: string): number => Date.parse(date + 'T00:00:00Z') / DAY

export class WorkingDaysMeter {
  /** epoch-day of prefix[0] */
  private base = 0
  /** prefix[i] = working days among the local dates base … base+i-1 */
  private prefix: number[] = [0]

  constructor(private readonly cal: WorkingCalendar) {}

  between(from: number, to: number): number {
    if (to <= from) return 0
    const a = localDate(from, this.cal.tz)
    const b = localDate(to, this.cal.tz)
    // Cover both days first: growing the range backwards renumbers the running totals.
    this.cover(dayIndex(a))
    this.cover(dayIndex(b))
    return this.position(to, b) - this.position(from, a)
  }

  /** Working days from the start of the covered range up to instant t (on local date). */
  private position(t: number, date: string): number {
    const i = dayIndex(date) - this.base
    const working = this.prefix[i + 1] - this.prefix[i]
    if (working === 0) return this.prefix[i]
    const start = localTime(date, 0, this.cal.tz)
    const end = localTime(addDays(date, 1), 0, this.cal.tz)
    return this.prefix[i] + (t - start) / (end - start)
  }

  private cover(idx: number): void {
    if (this.prefix.length === 1) this.base = idx
    if (idx < this.base) {
      // Rebuild from the earlier day; ranges grow rarely (rows come grouped, not sorted by date).
      const last = this.base + this.prefix.length - 2
      this.base = idx
      this.prefix = [0]
      this.extend(last)
    }
    this.extend(idx)
  }

  private extend(idx: number): void {
    for (let d = this.base + this.prefix.length - 1; d <= idx; d++) {
      const date = new Date(d * DAY).toISOString().slice(0, 10)
      this.prefix.push(this.prefix[this.prefix.length - 1] + (dayInfo(this.cal, date).working ? 1 : 0))
    }
  }
}
