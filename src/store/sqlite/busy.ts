import {BoardError, ExitCode} from '../../errors.js'

// SQLite has one writer at a time. A clerk's command meeting a long writer (an import commits
// thousands of rows at once) waits for it instead of failing with "database is locked": briefly
// inside SQLite (busy_timeout, which blocks the thread), then in short sleeps that grow, off the
// thread, so Ctrl-C and timers still run. Only after BUSY_PATIENCE_MS does it give up, saying why.

/** How long SQLite itself waits on a lock before handing back SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 250
const BUSY_PATIENCE_MS = Number(process.env.BOARD_BUSY_PATIENCE_MS) || 120_000
// Short enough to find the gap an import leaves between its commits.
const MAX_SLEEP_MS = 100

export function isBusy(error: unknown): boolean {
  const code = (error as {code?: string})?.code ?? ''
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
}

function gaveUp(error: unknown, waited: number): BoardError {
  return new BoardError(`the store stayed busy for ${Math.round(waited / 1000)} s: another process is writing to it (an import?)`, {
    exitCode: ExitCode.storeUnreachable,
    cause: error,
    suggestion: 'run the command again when that process has finished; nothing was changed',
  })
}

/**
 * How long to pause before attempt+1 after a busy error, with jitter; throws when the error is not
 * busyness, or when the store has been busy for too long. One policy for both loops below.
 */
function pauseAfter(error: unknown, start: number, attempt: number): number {
  if (!isBusy(error)) throw error
  const waited = Date.now() - start
  if (waited >= BUSY_PATIENCE_MS) throw gaveUp(error, waited)
  return Math.min(MAX_SLEEP_MS, 25 * 2 ** attempt) * (0.5 + Math.random() / 2)
}

/** Runs fn, again after a growing pause while the store is busy. */
export async function whenFree<T>(fn: () => T): Promise<T> {
  const start = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      return fn()
    } catch (error) {
      const pause = pauseAfter(error, start, attempt)
      await new Promise((resolve) => setTimeout(resolve, pause))
    }
  }
}

/** The same for the few steps that cannot await (opening a connection). */
export function whenFreeSync<T>(fn: () => T): T {
  const start = Date.now()
  const lock = new Int32Array(new SharedArrayBuffer(4))
  for (let attempt = 0; ; attempt++) {
    try {
      return fn()
    } catch (error) {
      Atomics.wait(lock, 0, 0, pauseAfter(error, start, attempt))
    }
  }
}
