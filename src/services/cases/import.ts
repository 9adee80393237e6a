import {importFiles, type ImportOptions, type ImportResult} from '../../import/import-service.js'
import type {Store} from '../../store/store.js'
import {importTiming} from '../stats/durations.js'
import {indexAfterWrite} from './search-index.js'

export interface ImportCasesOptions extends Omit<ImportOptions, 'timing'> {
  /** The configured zone, which statistics count working days in. */
  zone?: string
  /** Index every imported case for search before returning, however many (search-index.ts). */
  indexNow?: boolean
}

export interface ImportCasesResult extends ImportResult {
  /** Cases left for a catch-up of the search index of their own (a large import), 0 when none. */
  searchWaiting: number
}

/**
 * Imports files, storing new cases' handling times in the zone's working days when the store
 * counts them there, so the first statistics after a large import have none to work out. The
 * import pipeline stays below the services: it is handed the timing, and never asks for it.
 */
export async function importCases(store: Store, opts: ImportCasesOptions): Promise<ImportCasesResult> {
  const {zone, indexNow, ...rest} = opts
  const timing = opts.dryRun || !zone ? undefined : await importTiming(store, zone)
  const result = await importFiles(store, {...rest, timing})
  if (result.dryRun || result.interrupted) return {...result, searchWaiting: 0}
  return {...result, searchWaiting: (await indexAfterWrite(store, {wait: indexNow})).waiting}
}
