import {dayInfo, type WorkingCalendar} from './calendar.js'
import {DAY} from './working-time.js'
import {localTime, zoneOffset} from './zone.js'

// Working days elapsed between two instants, fractional: the time spent inside working days (whole
// local days of the official calendar, 调休 included) divided by the day's length. Equals
// measure(cal, 'workingDays', from, to) / DAY on 24-hour days. Statistics take it for every case,
// so each local date is looked at once (its start instant and a running total of working days);
// an instant finds its date among those starts, not by a zone lookup of its own.

/** Days the covered range grows by at least when it has to reach further back. */
const MIN_GROWTH = 32

const dateOf = (idx: number): string => new Date(idx * DAY).toISOString().slice(0, 10)

export class WorkingDaysMeter {
  /** epoch-day of prefix[0] and starts[0] */
  private base = 0
  /** prefix[i] = working days among the local dates base … base+i-1 */
  private prefix: number[] = [0]
  /** starts[i] = the instant local date base+i begins */
  private starts: number[] = []
  /** a zone offset to guess an instant's day from; the day starts correct the guess */
  private guess: number | null = null

  constructor(private readonly cal: WorkingCalendar) {}

  between(from: number, to: number): number {
    if (to <= from) return 0
    // Cover both days (and their neighbours) first: growing backwards renumbers the totals.
    this.guess ??= zoneOffset(from, this.cal.tz)
    const ga = Math.floor((from + this.guess) / DAY)
    const gb = Math.floor((to + this.guess) / DAY)
    this.cover(ga - 1)
    this.cover(gb + 2)
    const a = this.dayIndex(from, ga)
    const b = this.dayIndex(to, gb)
    return this.position(to, b) - this.position(from, a)
  }

  /** Epoch-day of the local date of instant t, from a guess at most a day off (offsets are < 24 h apart). */
  private dayIndex(t: number, guess: number): number {
    let i = guess - this.base
    if (t < this.starts[i]) i--
    else if (t >= this.starts[i + 1]) i++
    return this.base + i
  }

  /** Working days from the start of the covered range up to instant t, on local day idx. */
  private position(t: number, idx: number): number {
    const i = idx - this.base
    const working = this.prefix[i + 1] - this.prefix[i]
    if (working === 0) return this.prefix[i]
    return this.prefix[i] + (t - this.starts[i]) / (this.starts[i + 1] - this.starts[i])
  }

  private cover(idx: number): void {
    if (this.starts.length === 0) this.base = idx
    if (idx < this.base) {
      // Rows come grouped, not sorted by date: the range is rebuilt from an earlier day. At least
      // as far back again as it reaches, so rows that walk backwards in time (an export, newest
      // first) rebuild it a few times, not once for every day.
      const last = this.base + this.starts.length - 1
      this.base = Math.min(idx, this.base - Math.max(this.starts.length, MIN_GROWTH))
      this.prefix = [0]
      this.starts = []
      this.extend(last)
    }
    this.extend(idx)
  }

  private extend(idx: number): void {
    for (let d = this.base + this.starts.length; d <= idx; d++) {
      const date = dateOf(d)
      this.starts.push(localTime(date, 0, this.cal.tz))
      this.prefix.push(this.prefix[this.prefix.length - 1] + (dayInfo(this.cal, date).working ? 1 : 0))
    }
  }
}
