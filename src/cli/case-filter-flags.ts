import * as Flags from '@oclif/core/flags'

import {parseWhen} from './parse-when.js'

/** The filters that list, stats and export share, so they read and behave the same everywhere. */
export const caseFilterFlags = {
  since: Flags.string({description: 'posted at or after (date or time, in the configured zone)'}),
  until: Flags.string({description: 'posted before (date or time, in the configured zone)'}),
  unit: Flags.string({description: 'only this unit (code or name)'}),
  category: Flags.string({description: 'only this category (分类)'}),
}

/** The shared filters as store filter fields; dates are read in tz and become UTC. */
/** How a bulk command is told which cases: beside ids as arguments. */
export const caseSelectionFlags = {
  where: Flags.string({description: 'select by category=…,region=…,status=…,unit=…,older-than=3d'}),
  ids: Flags.string({description: 'read ids from a file, or - for stdin (one per line, or the JSON of board list --json)'}),
}

export function caseFilterFrom(f: {since?: string; until?: string; unit?: string; category?: string}, tz: string) {
  return {
    since: f.since ? parseWhen(f.since, tz, '--since') : undefined,
    until: f.until ? parseWhen(f.until, tz, '--until') : undefined,
    unit: f.unit,
    category: f.category,
  }
}
