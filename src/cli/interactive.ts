import {NoInputError} from '../errors.js'

// The one place that decides whether board may ask a question (gh's IOStreams.CanPrompt):
// cron and pipes must never hang on a prompt.
export function canPrompt(opts: {json: boolean}): boolean {
  if (opts.json) return false
  if (process.env.BOARD_NO_INPUT) return false
  return Boolean(process.stdin.isTTY && process.stdout.isTTY)
}

/** Throws a usage error naming the flag that replaces the question. */
export function requirePrompt(opts: {json: boolean}, flag: string, what: string): void {
  if (!canPrompt(opts)) throw new NoInputError(`${what} needs an answer and prompting is not possible here`, `pass ${flag}`)
}
