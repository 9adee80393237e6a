import {readFileSync} from 'node:fs'

import {parseRating, RATING_COLUMNS} from '../../domain/rating.js'
import {UsageError} from '../../errors.js'
import {parseTimestamp} from '../../import/check/dates.js'
import type {Store} from '../../store/store.js'
import {stopHere} from '../boundary.js'
import {rateCase} from './ratings.js'

export interface RatingsImportResult {
  file: string
  recorded: number
  duplicates: number
  reopened: number[]
  failed: {line: number; ref: string; reason: string}[]
  /** Interrupted: rows not reached (each row stands alone, so a re-run picks them up). */
  notDone: number
}

/** Imports ratings (ref, rating, comment, time); each row stands alone, failures are per row. */
export async function importRatings(
  store: Store,
  file: string,
  opts: {source: string; tz: string; actor: string; now: Date; onFailure?: (f: RatingsImportResult['failed'][number]) => void; signal?: AbortSignal},
): Promise<RatingsImportResult> {
  let text: string
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`)
  }
  const {parse} = await import('csv-parse/sync')
  const rows: Record<string, string>[] = parse(text, {columns: true, skip_empty_lines: true, trim: true, relax_column_count: true})
  const header = rows.length > 0 ? Object.keys(rows[0]) : []
  const col = (names: readonly string[]) => header.find((h) => names.includes(h))
  const cols = {ref: col(RATING_COLUMNS.ref), rating: col(RATING_COLUMNS.rating), comment: col(RATING_COLUMNS.comment), time: col(RATING_COLUMNS.time)}
  if (rows.length > 0 && (!cols.ref || !cols.rating)) throw new UsageError(`${file}: needs columns ref and rating (found: ${header.join(', ')})`)
  const result: RatingsImportResult = {file, recorded: 0, duplicates: 0, reopened: [], failed: [], notDone: 0}
  for (const [i, row] of rows.entries()) {
    if (await stopHere(opts.signal)) {
      result.notDone = rows.length - i
      break
    }
    const ref = row[cols.ref!] ?? ''
    const line = i + 2
    const failRow = (reason: string) => {
      const f = {line, ref, reason}
      result.failed.push(f)
      opts.onFailure?.(f)
    }
    const satisfied = parseRating(row[cols.rating!] ?? '')
    if (satisfied === undefined) {
      failRow(`rating "${row[cols.rating!]}" is neither satisfied nor unsatisfied`)
      continue
    }
    try {
      const c = await store.cases.getByRef(opts.source, ref)
      if (!c) throw new Error(`no case ${opts.source}/${ref}`)
      const raw = cols.time ? row[cols.time] : ''
      const ratedAt = raw ? parseTimestamp(raw, opts.tz) : opts.now.toISOString()
      const comment = cols.comment ? row[cols.comment] || null : null
      const r = await rateCase(store, c, {satisfied, comment, ratedAt, source: opts.source}, opts)
      if (!r.recorded) result.duplicates++
      else result.recorded++
      if (r.reopened) result.reopened.push(c.id)
    } catch (error) {
      failRow((error as Error).message)
    }
  }
  return result
}
