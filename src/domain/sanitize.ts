// Citizen text is untrusted: an escape sequence in a message must not drive the clerk's terminal,
// and a cell starting with = must not run as a formula in the spreadsheet an export lands in.

// CSI/OSC/DCS and other ESC sequences, then the remaining C0/C1 controls except tab and newline.
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

export function stripControls(text: string): string {
  return text.replace(ANSI, '').replace(CONTROLS, '')
}

/** One line for a table cell: controls stripped, line breaks and tabs folded (a tab would split a TSV cell). */
export function oneLine(text: string, max?: number): string {
  const s = stripControls(text).replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ').trim()
  return max !== undefined && [...s].length > max ? [...s].slice(0, max - 1).join('') + '…' : s
}

/** OWASP's advice for CSV injection: prefix a quote to cells a spreadsheet would evaluate. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? "'" + cell : cell
}
