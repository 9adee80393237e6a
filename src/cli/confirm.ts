import {NoInputError} from '../errors.js'
import {canPrompt} from './interactive.js'
import {loadPrompts} from './prompts.js'

/**
 * Bulk changes need a yes: --yes, or an answer at a terminal. Without a terminal and without --yes
 * this throws, naming the flag, so cron never hangs and never acts unasked.
 */
export async function confirmBulk(what: string, opts: {json: boolean; yes: boolean}): Promise<boolean> {
  if (opts.yes) return true
  if (!canPrompt({json: opts.json})) throw new NoInputError(`${what} needs confirmation`, 'pass --yes (or --dry-run to see the plan first)')
  const {confirm} = await loadPrompts()
  return confirm({message: `${what}?`, default: false}, {output: process.stderr})
}
