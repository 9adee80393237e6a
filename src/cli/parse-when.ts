import {UsageError} from '../errors.js'
import {parseTimestamp} from '../import/check/dates.js'

/** A date or time given on the command line, read in the configured zone, as UTC ISO text. */
export function parseWhen(raw: string, tz: string, flag: string): string {
  try {
    return parseTimestamp(raw, tz)
  } catch {
    throw new UsageError(`${flag}: "${raw}" is not a date or time`, 'use 2024-05-01, 2024-05-01 09:30 or an ISO time with offset')
  }
}
