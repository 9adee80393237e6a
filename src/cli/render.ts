import {createRequire} from 'node:module'

import {oneLine} from '../domain/sanitize.js'
import {cutToWidth, fitWidths, terminalColumns} from './table-width.js'

export interface Column<T> {
  header: string
  value: (row: T) => string | number | null | undefined
  max?: number
  /** Free text (a title, a detail): on a narrow terminal it gives up width first. Default: has max. */
  text?: boolean
}

/**
 * A table on a terminal; tab-separated lines when piped, so `cut` and `awk` work on it.
 * Every cell passes through oneLine(): citizen text cannot move the cursor or break rows.
 */
export function renderTable<T>(rows: T[], columns: Column<T>[], opts: {tty: boolean; color: boolean; header?: boolean; width?: number}): string {
  let cells = rows.map((r) => columns.map((c) => oneLine(String(c.value(r) ?? ''), opts.tty ? c.max : undefined)))
  if (!opts.tty) return [...(opts.header === false ? [] : [columns.map((c) => c.header)]), ...cells].map((line) => line.join('\t')).join('\n')
  // cli-table3 colours headers itself and ignores NO_COLOR; an empty style turns that off.
  // Loaded only for a terminal: piped output and --json never pay for it at start-up.
  const Table = createRequire(import.meta.url)('cli-table3') as typeof import('cli-table3')
  let head = columns.map((c) => c.header)
  const width = opts.width ?? terminalColumns()
  if (width !== undefined) {
    const fit = fitWidths(head, cells, columns.map((c) => c.text ?? c.max !== undefined), width)
    if (fit.cut) {
      head = head.map((h, i) => cutToWidth(h, fit.widths[i]))
      cells = cells.map((row) => row.map((cell, i) => cutToWidth(cell, fit.widths[i])))
    }
  }
  const table = new Table({
    head,
    // compact: no rule between rows, so a list of 50 cases stays ~50 lines. cli-table3 pads by
    // display width, so Chinese (two columns a character) aligns.
    style: opts.color ? {head: ['cyan'], border: ['grey'], compact: true} : {head: [], border: [], compact: true},
  })
  for (const row of cells) table.push(row)
  return table.toString()
}

export function colorEnabled(stream: {isTTY?: boolean}): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false
  if (process.env.FORCE_COLOR) return true
  return Boolean(stream.isTTY)
}
