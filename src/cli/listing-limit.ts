import * as Flags from '@oclif/core/flags'

// One paging rule for every listing. Piped or with --json, a listing is data for a program: it
// returns every match unless --limit says otherwise (a silent cut at 50 once made a pipeline
// assign 50 of 77 cases). On a terminal, a person reads it: it stops after a screenful and says
// how many more there are.

export const SCREENFUL = 50

export const limitFlag = Flags.integer({min: 0, description: `at most this many (0: all); default: all when piped or with --json, ${SCREENFUL} on a terminal`})

export interface ListingLimit {
  /** Rows to fetch; undefined: all. */
  limit: number | undefined
  /** True when the limit was chosen for a screen, not asked for: say how many were left out. */
  screen: boolean
}

export function listingLimit(opts: {limit: number | undefined; tty: boolean; json: boolean}): ListingLimit {
  if (opts.limit !== undefined) return {limit: opts.limit === 0 ? undefined : opts.limit, screen: false}
  if (opts.json || !opts.tty) return {limit: undefined, screen: false}
  return {limit: SCREENFUL, screen: true}
}
