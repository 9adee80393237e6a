import type {Store} from '../../store/store.js'
import {stopHere} from '../boundary.js'

// Keeping the search index up to date after bulk writes. Indexing costs a few hundred terms a
// case, far more than storing it: a large import leaves its cases waiting and a separate process
// indexes them after it (`board db search-index`), while every search still reads waiting cases as
// candidates, so answers are complete throughout and only the speed waits.

/** Up to this many waiting cases, the write that left them indexes them before it returns (about a second). */
export const INDEX_NOW_MAX = 5_000
/**
 * Cases a transaction, a few seconds' work: a clerk's write waits for one batch at most, and each
 * batch leaves FTS5 a segment that every later query reads until merged, so not many small ones.
 */
const BATCH = 20_000

export interface AfterWrite {
  indexed: number
  /** Cases still waiting: more than INDEX_NOW_MAX, left to a catch-up of their own. */
  waiting: number
}

/** After an import or a copy: indexes the waiting cases now when they are few (or when told to wait). */
export async function indexAfterWrite(store: Store, opts: {wait?: boolean} = {}): Promise<AfterWrite> {
  const waiting = await store.searchWaiting()
  if (waiting === 0 || (waiting > INDEX_NOW_MAX && !opts.wait)) return {indexed: 0, waiting}
  const r = await store.catchUpSearch({batch: BATCH})
  return {indexed: r.indexed, waiting: await store.searchWaiting()}
}

export interface CatchUpResult {
  indexed: number
  /** Waiting when it started. */
  waited: number
  /** Still waiting when it stopped. */
  left: number
  /** Another process is catching up; this one did nothing. */
  busy: boolean
  interrupted: boolean
}

/** Indexes every waiting case, a batch at a time; stops between batches when signal fires. */
export async function catchUpSearch(
  store: Store,
  opts: {batch?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void} = {},
): Promise<CatchUpResult> {
  const waited = await store.searchWaiting()
  let interrupted = false
  const r = await store.catchUpSearch({
    batch: opts.batch ?? BATCH,
    onBatch: async (indexed) => {
      opts.onProgress?.(indexed, waited)
      interrupted = await stopHere(opts.signal)
      return !interrupted
    },
  })
  return {indexed: r.indexed, waited, left: await store.searchWaiting(), busy: r.busy, interrupted}
}
