import {drawingNow} from './terminal-output.js'

/** A one-line counter on stderr, only when stderr is a terminal (never in logs or cron mail). */
export function progressLine(enabled = Boolean(process.stderr.isTTY)) {
  let last = 0
  const started = performance.now()
  return {
    update(label: string, rows: number) {
      if (!enabled) return
      const now = performance.now()
      if (now - last < 100) return
      last = now
      const rate = Math.round(rows / ((now - started) / 1000))
      drawingNow(() => process.stderr.write(`\r\u001B[2K${label}: ${rows.toLocaleString('en')} rows (${rate.toLocaleString('en')}/s)`))
    },
    done() {
      if (enabled && last > 0) drawingNow(() => process.stderr.write('\r\u001B[2K'))
    },
  }
}
