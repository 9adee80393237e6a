import {UsageError} from '../errors.js'

/**
 * Bulk and destructive work goes ahead with --yes, or after a yes on a terminal; without a
 * terminal and without --yes it stops, naming the flag (cron must never hang on a question).
 */
export async function confirmBulk(o: {what: string; yes: boolean; interactive: boolean}): Promise<void> {
  if (o.yes) return
  if (!o.interactive) throw new UsageError(`${o.what} needs confirmation`, 'pass --yes')
  const {confirm} = await import('@inquirer/prompts')
  const ok = await confirm({message: `${o.what}?`, default: false}, {output: process.stderr})
  if (!ok) throw new UsageError('not confirmed; nothing was done')
}
