import stringWidth from 'string-width'

// One width rule for every table on a terminal: it fits process.stdout.columns. Text columns
// (a title, a detail) give up width first, widest first; their cells are cut with "…". Only if that
// is not enough do the other columns shrink too. Piped output is TSV and is never cut.

/** cli-table3's frame: one border a column plus one, and one space of padding each side. */
const PADDING = 2
const MIN_TEXT = 8
const MIN_OTHER = 4

export interface WidthPlan {
  /** Content width of each column (without padding). */
  widths: number[]
  /** Whether any column had to be narrowed. */
  cut: boolean
}

/**
 * Content widths that make the table at most `width` terminal columns wide. `text[i]` marks the
 * columns that shrink first.
 */
export function fitWidths(header: string[], rows: string[][], text: boolean[], width: number): WidthPlan {
  const natural = header.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))))
  const frame = header.length + 1 + PADDING * header.length
  const widths = [...natural]
  const total = () => widths.reduce((a, b) => a + b, 0) + frame
  for (const pass of [true, false]) {
    const floor = (i: number) => Math.min(natural[i], pass ? MIN_TEXT : MIN_OTHER)
    while (total() > width) {
      let widest = -1
      for (let i = 0; i < widths.length; i++) {
        if ((pass && !text[i]) || widths[i] <= floor(i)) continue
        if (widest < 0 || widths[i] > widths[widest]) widest = i
      }
      if (widest < 0) break
      widths[widest] = Math.max(floor(widest), widths[widest] - Math.max(1, total() - width))
    }
  }
  return {widths, cut: widths.some((w, i) => w < natural[i])}
}

/** text cut to at most `width` terminal columns, with "…" where it was cut (Chinese counts two). */
export function cutToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text
  let out = ''
  let used = 0
  for (const ch of text) {
    const w = stringWidth(ch)
    if (used + w > width - 1) break
    out += ch
    used += w
  }
  return out + '…'
}

/** The terminal's width, when stdout is one; tables elsewhere are not cut. */
export function terminalColumns(stream: NodeJS.WriteStream = process.stdout): number | undefined {
  return stream.isTTY && stream.columns > 0 ? stream.columns : undefined
}
