// Timestamps arrive as PostgreSQL's text form in the session's zone ("2021-01-01 08:00:00.123+08").
// Date's own parser takes that form only through its slow legacy path, about 2 µs a value, which a
// listing of tens of thousands of deadlines pays twice a row; the fields are read here instead.
// Anything else (infinity, BC dates, years past 9999) goes to Date as before.
const TEXT = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?(?:([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?)?$/

/** ISO 8601 in UTC with milliseconds, as SQLite rows carry them. `zoned`: timestamptz, else timestamp (taken as UTC). */
export function isoFromPostgres(text: string, zoned: boolean): string {
  const m = TEXT.exec(text)
  if (m === null || (zoned && m[8] === undefined)) return new Date(zoned ? text : `${text}Z`).toISOString()
  const ms = m[7] === undefined ? 0 : Math.floor(Number(m[7].padEnd(3, '0').slice(0, 3)))
  let t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms)
  if (m[8] !== undefined) {
    const offset = Number(m[9]) * 3600 + Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0)
    t -= (m[8] === '-' ? -offset : offset) * 1000
  }
  // Date.UTC maps years 0–99 onto 1900–1999.
  if (Number(m[1]) < 100) return new Date(zoned ? text : `${text}Z`).toISOString()
  return new Date(t).toISOString()
}
