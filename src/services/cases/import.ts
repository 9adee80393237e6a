import {importFiles, type ImportOptions, type ImportResult} from '../../import/import-service.js'
import type {Store} from '../../store/store.js'
import {importTiming} from '../stats/durations.js'

export interface ImportCasesOptions extends Omit<ImportOptions, 'timing'> {
  /** The configured zone, which statistics count working days in. */
  zone?: string
}

/**
 * Imports files, storing new cases' handling times in the zone's working days when the store
 * counts them there, so the first statistics after a large import have none to work out. The
 * import pipeline stays below the services: it is handed the timing, and never asks for it.
 */
export async function importCases(store: Store, opts: ImportCasesOptions): Promise<ImportResult> {
  const {zone, ...rest} = opts
  const timing = opts.dryRun || !zone ? undefined : await importTiming(store, zone)
  return importFiles(store, {...rest, timing})
}
