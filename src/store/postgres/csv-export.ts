import type {ExportCsvFilter, ExportCsvOpts} from '../cases.js'
import {CASE_FROM} from '../sql/rows.js'
import type {Param} from '../sql/executor.js'
import type {PostgresExecutor} from './executor.js'

// A CSV export written by PostgreSQL: the same bytes as csvValueLines (src/export/case-export.ts)
// makes of the same rows, cell rules spelled in SQL. Unmasked, COPY … TO STDOUT (FORMAT csv) writes
// every line and Node only passes it on; masked, the server writes all but the cells that may hold
// personal data, which go through redact in Node (the masking is not expressible in SQL exactly).
// test/postgres/export-copy.test.ts holds both to the shared path's output.

// safeCell (src/export/csv-cell.ts): = + - @ tab or CR at the start, or a sign (ASCII or full-width)
// after leading white space, where white space is what JavaScript's \s matches. The characters are
// written as themselves, not as escapes, so the pattern is the same whatever the server's settings.
const JS_SPACE = '\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'
const FORMULA = `'^([\t\r]|[${JS_SPACE}]*[-=+@\uFF1D\uFF0B\uFF0D\uFF20])'`
// What csvValueLines quotes (COPY quotes the same characters, and an empty text, hence NULLIF below).
const NEEDS_QUOTES = `'[",\r\n]'`
// redactPersonalData's own first test: text with none of these is given back as it is.
const MAYBE_PERSONAL = `'[0-9@\uFF10-\uFF19\uFF20]'`

type Kind = 'int' | 'text' | 'time' | 'masked' | 'contact'
// CSV_COLUMNS, in order, and how each is written.
const COLUMNS: [string, Kind][] = [
  ['c.id', 'int'], ['c.source', 'text'], ['c.ref', 'text'], ['c.posted_at', 'time'], ['c.title', 'masked'], ['c.body', 'masked'],
  ['c.author', 'masked'], ['c.contact', 'contact'], ['c.region', 'text'], ['c.addressee', 'text'], ['c.type', 'text'],
  ['c.category', 'text'], ['c.status', 'text'], ['u.name', 'text'], ['h.name', 'text'], ['c.respond_due_at', 'time'],
  ['c.resolve_due_at', 'time'], ['c.responded_at', 'time'], ['c.resolved_at', 'time'], ['c.likes', 'int'], ['c.dislikes', 'int'],
]

const neutralised = (x: string) => `CASE WHEN ${x} ~ ${FORMULA} THEN '''' || ${x} ELSE ${x} END`
/** Date.toISOString's text, as the rows of eachValues carry times. */
const isoTime = (x: string) => `pg_catalog.to_char(${x} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** A value for COPY to quote; NULL where csvValueLines writes nothing. */
function copyValue(x: string, kind: Kind, masked: boolean): string {
  if (kind === 'int') return x
  if (kind === 'time') return isoTime(x)
  if (kind === 'contact' && masked) return `CASE WHEN ${x} IS NOT NULL THEN '***' END`
  return `NULLIF(${neutralised(x)}, '')`
}

/** A whole CSV cell, quoted here; '' for NULL. */
function cellText(x: string, kind: Kind, masked: boolean): string {
  if (kind === 'int') return `COALESCE(${x}::text, '')`
  if (kind === 'time') return `COALESCE(${isoTime(x)}, '')`
  if (kind === 'contact' && masked) return `CASE WHEN ${x} IS NOT NULL THEN '***' ELSE '' END`
  return `CASE WHEN ${x} IS NULL THEN ''
    WHEN ${x} ~ ${NEEDS_QUOTES} THEN '"' || CASE WHEN ${x} ~ ${FORMULA} THEN '''' ELSE '' END || pg_catalog.replace(${x}, '"', '""') || '"'
    ELSE ${neutralised(x)} END`
}

const ORDER = 'ORDER BY c.posted_at DESC, c.id DESC'

/**
 * The export's filter as SQL over settings of this transaction: COPY takes no bound parameters,
 * so the values are bound to set_config first and read back with current_setting.
 */
function settingsWhere(filter: ExportCsvFilter): {where: string; settings: [string, string][]} {
  const clauses: string[] = []
  const settings: [string, string][] = []
  const value = (name: string, v: string) => {
    settings.push([`board.export_${name}`, v])
    return `pg_catalog.current_setting('board.export_${name}')`
  }
  if (filter.category) clauses.push(`c.category = ${value('category', filter.category)}`)
  if (filter.unit) {
    const unit = value('unit', filter.unit)
    clauses.push(`(u.code = ${unit} OR u.name = ${unit})`)
  }
  if (filter.since) clauses.push(`c.posted_at >= ${value('since', filter.since)}::timestamptz`)
  if (filter.until) clauses.push(`c.posted_at < ${value('until', filter.until)}::timestamptz`)
  return {where: clauses.length > 0 ? 'WHERE ' + clauses.join(' AND ') : '', settings}
}

/** Unmasked: COPY writes every line. */
export async function copyCsv(pg: PostgresExecutor, filter: ExportCsvFilter, onText: (text: string) => Promise<boolean | void>): Promise<number> {
  const {where, settings} = settingsWhere(filter)
  const select = COLUMNS.map(([x, kind]) => copyValue(x, kind, false)).join(', ')
  return pg.transaction(async (tx) => {
    await tx.exec("SET LOCAL client_encoding = 'UTF8'")
    for (const [name, v] of settings) await tx.get('SELECT pg_catalog.set_config(?, ?, true)', [name, v])
    const lines = new LineCount()
    await pg.copyOut(`COPY (SELECT ${select} FROM ${CASE_FROM} ${where} ${ORDER}) TO STDOUT WITH (FORMAT csv)`, async (text) => {
      const go = await onText(text)
      if (go !== false) lines.add(text)
      return go
    })
    return lines.count
  })
}

/** Counts the CSV records in text that arrives in pieces: line ends outside quotes. */
class LineCount {
  count = 0
  private quoted = false

  add(text: string): void {
    let at = 0
    let quote = text.indexOf('"')
    for (;;) {
      const end = this.quoted ? -1 : text.indexOf('\n', at)
      if (quote >= 0 && (this.quoted || end < 0 || quote < end)) {
        // a doubled quote inside a quoted cell turns the state twice
        this.quoted = !this.quoted
        at = quote + 1
        quote = text.indexOf('"', at)
        continue
      }
      if (end < 0) return
      this.count++
      at = end + 1
    }
  }
}

/**
 * Masked: each row comes as the text before the title, then title, body and author each as a
 * finished cell or (when it may hold personal data) as the value for maskedCell, then the rest.
 */
export async function maskedCsv(
  pg: PostgresExecutor, where: {where: string; params: Param[]}, opts: ExportCsvOpts, onText: (text: string) => Promise<boolean | void>,
): Promise<number> {
  const at = (x: string) => COLUMNS.findIndex(([c]) => c === x)
  const joined = (from: number, to: number) => COLUMNS.slice(from, to).map(([x, kind]) => cellText(x, kind, true)).join(` || ',' || `)
  const maybe = (x: string) => [`CASE WHEN ${x} ~ ${MAYBE_PERSONAL} THEN NULL ELSE ${cellText(x, 'masked', true)} END`, `CASE WHEN ${x} ~ ${MAYBE_PERSONAL} THEN ${x} END`]
  const select = [joined(0, at('c.title')), ...maybe('c.title'), ...maybe('c.body'), ...maybe('c.author'), joined(at('c.contact'), COLUMNS.length)]
  let count = 0
  await pg.eachValues(`SELECT ${select.join(', ')} FROM ${CASE_FROM} ${where.where} ${ORDER}`, where.params, opts.size, async (rows) => {
    let out = ''
    for (const r of rows as (string | null)[][]) {
      out += `${r[0]},${r[1] ?? opts.maskedCell(r[2]!)},${r[3] ?? opts.maskedCell(r[4]!)},${r[5] ?? opts.maskedCell(r[6]!)},${r[7]}\n`
    }
    if ((await onText(out)) === false) return false
    count += rows.length
  })
  return count
}
