import {ExitCode, InterruptedError} from '../errors.js'
import {type Lang, translate} from '../i18n/translate.js'

// One interrupt rule for every command: the first Ctrl-C (SIGINT) asks the work to stop
// at the next item or batch boundary (services check stopHere()); the command then says what was
// done and what was not, and exits 130. A second Ctrl-C exits at once.

/** Listens until the returned function is called. */
export function listenForInterrupts(controller: AbortController, onFirst: () => void): () => void {
  const handler = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted)
    controller.abort()
    onFirst()
  }
  process.on('SIGINT', handler)
  return () => void process.off('SIGINT', handler)
}

/**
 * The error a command throws when it stopped early: done of total items were finished (total
 * unknown: null), the rest were not touched.
 */
export function stoppedEarly(lang: Lang, counts: {done: number; total: number | null; what: string}): InterruptedError {
  const what = translate(lang, counts.what)
  const message =
    counts.total === null
      ? translate(lang, 'interrupt.stoppedOpen', {done: counts.done, what})
      : translate(lang, 'interrupt.stopped', {done: counts.done, total: counts.total, left: counts.total - counts.done, what})
  return new InterruptedError(message, translate(lang, 'interrupt.again'))
}
