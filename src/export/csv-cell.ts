import {neutraliseFormula} from '../domain/sanitize.js'

// neutraliseFormula covers what a spreadsheet evaluates at the start of a cell (= + - @ tab CR).
// Some spreadsheets also trim leading spaces or accept full-width signs before deciding, so those
// are neutralised too: an export must be safe to double-click.
const DISGUISED = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/

export function safeCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const s = neutraliseFormula(value)
  return s === value && DISGUISED.test(value) ? "'" + value : s
}
