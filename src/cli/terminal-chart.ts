import {Chalk} from 'chalk'
import stringWidth from 'string-width'

import {oneLine} from '../domain/sanitize.js'

// Plain-text charts: block characters only, so they survive a pipe, a log file and NO_COLOR.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉']
const SPARKS = '▁▂▃▄▅▆▇█'

export interface BarItem {
  label: string
  value: number | null
  /** the value as people read it (e.g. "12.5%") */
  display: string
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)))
}

export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return ''
  const eighths = Math.round((value / max) * width * 8)
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]
}

/** One labelled bar per item, scaled to the largest value; labels aligned by display width (CJK). */
export function barChart(items: BarItem[], opts: {width?: number; color: boolean}): string {
  const paint = new Chalk({level: opts.color ? 1 : 0})
  const labels = items.map((i) => oneLine(i.label, 24))
  const labelWidth = Math.max(0, ...labels.map((l) => stringWidth(l)))
  const max = Math.max(0, ...items.map((i) => i.value ?? 0))
  const width = opts.width ?? 40
  return items
    .map((item, n) => {
      const b = bar(item.value ?? 0, max, width)
      return `${padEnd(labels[n], labelWidth)} │${paint.cyan(b)}${b ? ' ' : ''}${item.display}`
    })
    .join('\n')
}

/** ▁▂▄█ for a series in order (months, years); gaps (null) are spaces. */
export function sparkline(values: (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null)
  if (present.length === 0) return ''
  const min = Math.min(...present)
  const max = Math.max(...present)
  return values
    .map((v) => (v === null ? ' ' : SPARKS[max === min ? SPARKS.length - 1 : Math.round(((v - min) / (max - min)) * (SPARKS.length - 1))]))
    .join('')
}
