import {createReadStream, statSync} from 'node:fs'
import type {Readable} from 'node:stream'

import type {IncomingCase} from '../domain/case.js'
import type {ImportOpts, ImportOutcome, ImportTiming} from '../store/cases.js'
import type {Store} from '../store/store.js'
import type {Encoding} from './parse/encoding.js'
import type {MapFile} from './check/fields.js'
import {type Reject, RejectsWriter} from './write/rejects.js'
import type {CsvRecord} from './parse/records.js'
import {rowChars} from './check/row.js'
import {recordText, type RowItem, rowStream} from './check/row-stream.js'
import {GroupCommit} from './write/group-commit.js'
import {workerAvailable, type WorkerRows, workerRows} from './thread/worker-rows.js'
import {BoardError, StoreFullError} from '../errors.js'

export interface ImportOptions {
  files: string[]
  source: string
  tz: string
  format: 'csv' | 'open311'
  encoding?: Encoding
  mapFile?: MapFile
  /** null: rejected rows are reported but not written (a dry run without --rejects). */
  rejectsPath: string | null
  dryRun: boolean
  actor: string
  /**
   * How to count new cases' working days as statistics would (services/cases/import.ts works it
   * out for the configured zone): given, new cases are stored with their handling times, so the
   * first statistics after a large import have none to work out.
   */
  timing?: ImportTiming
  batchSize?: number
  /** Rows (guessed from file size) from which a store that has them writes on two connections. */
  parallelFrom?: number
  now: () => Date
  signal?: AbortSignal
  onReject?: (r: Reject) => void
  onProgress?: (p: {file: string; rows: number}) => void
}

export interface FileImportSummary {
  file: string
  encoding: Encoding | 'json'
  read: number
  inserted: number
  updated: number
  unchanged: number
  /** Rows repeated verbatim inside the file: counted once, not rejected. */
  duplicates: number
  rejected: number
  conflicts: number
  seconds: number
  rowsPerSecond: number
  /** empty: the file holds nothing, not even a header (likely a mistake); header-only: a header and no rows. */
  note?: 'empty' | 'header-only'
}

export interface ImportResult {
  dryRun: boolean
  source: string
  files: FileImportSummary[]
  rejectsFile: string | null
  interrupted: boolean
}

export async function importFiles(store: Store, opts: ImportOptions): Promise<ImportResult> {
  const rejects = new RejectsWriter(opts.rejectsPath)
  const files: FileImportSummary[] = []
  let interrupted = false
  const timing = opts.dryRun ? undefined : opts.timing
  const expected = opts.dryRun ? 0 : expectedRows(opts.files)
  const endBulkLoad = await store.bulkLoad(expected)
  // PostgreSQL's bulk load is the store's import lock: this import's new cases are its own to insert.
  const exclusive = expected > 0 && store.backend === 'postgres'
  // A source new to the store gets only this import's rows meanwhile, and a file's refs are
  // distinct (check/seen-refs.ts): the first file's rows need no looking up before they go in.
  // Without an import lock (SQLite) that holds while no other connection writes the store: the
  // mark, taken before the look at the source, tells the batches (ImportOpts.newRefsSince).
  const mark = expected > 0 && !exclusive ? await store.cases.writeMark() : null
  const newSource = (exclusive || mark !== null) && !(await store.cases.hasSource(opts.source))
  let failed = false
  let writers: Store[] = []
  try {
    // A large import writes on a second connection too, where the store has them (PostgreSQL):
    // batch after batch the server would otherwise merge on one core while the other waits.
    if (expected >= (opts.parallelFrom ?? PARALLEL_ROWS)) writers = await store.parallelWriters(1)
    for (const [i, file] of opts.files.entries()) {
      const summary = await importOne([store, ...writers], file, opts, rejects, timing, {exclusive, newRefs: newSource && i === 0, newRefsSince: mark ?? undefined})
      files.push(summary)
      if (opts.signal?.aborted) {
        interrupted = true
        break
      }
    }
  } catch (error) {
    failed = true
    if (error instanceof StoreFullError && !opts.dryRun) throw await fullDuringImport(store, opts, error)
    throw error
  } finally {
    await Promise.all(writers.map((w) => w.close()))
    await rejects.close()
    // After a failure the store may be gone: the next run that opens it finishes this instead.
    await endBulkLoad().catch((error) => {
      if (!failed) throw error
    })
  }
  return {dryRun: opts.dryRun, source: opts.source, files, rejectsFile: rejects.count > 0 ? rejects.path : null, interrupted}
}

/** Rows (guessed from file size) from which an import writes on more than one connection. */
const PARALLEL_ROWS = 20_000
/** A batch is written at this many characters of row text if it has not reached its rows: long messages make short batches. */
const BATCH_CHARS = 3_000_000

async function importOne(stores: Store[], file: string, opts: ImportOptions, rejects: RejectsWriter, timing: ImportTiming | undefined, lock: Pick<ImportOpts, 'exclusive' | 'newRefs' | 'newRefsSince'>): Promise<FileImportSummary> {
  const started = performance.now()
  const name = file === '-' ? 'stdin' : file
  const s: FileImportSummary = {file: name, encoding: opts.format === 'open311' ? 'json' : 'utf8', read: 0, inserted: 0, updated: 0, unchanged: 0, duplicates: 0, rejected: 0, conflicts: 0, seconds: 0, rowsPerSecond: 0}
  if (file !== '-' && fileSize(file) === 0) return finish({...s, note: 'empty'}, started)
  const input = file === '-' ? process.stdin : await openFile(file)
  let headerSeen = false
  const reject = (r: Omit<Reject, 'file'>) => {
    const full = {file: name, ...r}
    s.rejected++
    rejects.write(full)
    opts.onReject?.(full)
  }
  const streamOpts = {name, source: opts.source, tz: opts.tz, format: opts.format, encoding: opts.encoding, mapFile: opts.mapFile}
  // A file is parsed and checked in a worker thread while this one writes; stdin is read here.
  let batches: AsyncGenerator<RowItem[]>
  let worker: WorkerRows | undefined
  if (file !== '-' && workerAvailable()) {
    input.destroy()
    worker = workerRows({file, rows: streamOpts})
    batches = worker.batches
  } else {
    batches = rowStream(input, streamOpts)
  }

  const batchSize = opts.batchSize ?? 2000
  let batch: {row: IncomingCase; line: number; record?: CsvRecord}[] = []
  let batchChars = 0
  let refColumn = 'ref'
  // stdin may pause for any time: never hold the write lock across a wait for input there, and
  // write on one connection only.
  const lanes = (file === '-' ? stores.slice(0, 1) : stores).map((lane) => ({lane, group: new GroupCommit(lane, file === '-' ? 1 : batchSize * 10)}))
  // A file's batches are pipelined: while the store writes one (a PostgreSQL server works apart
  // from this process), the next is read and checked, and with several connections each takes
  // the next batch in turn. Outcomes are still counted in file order.
  const inFlight: {lane: (typeof lanes)[number]; rows: typeof batch; written: Promise<ImportOutcome[]>}[] = []
  let turn = 0
  const settleOldest = async () => {
    const w = inFlight.shift()!
    const outcomes = await w.written
    await w.lane.group.wrote(w.rows.length)
    await tally(w.rows, outcomes)
    if (w.rows.length > 0) worker?.settled(w.rows[w.rows.length - 1].line)
    opts.onProgress?.({file: name, rows: s.read})
  }
  const settle = async () => {
    while (inFlight.length > 0) await settleOldest()
  }
  const flush = async () => {
    // The oldest batch in flight is the one on the lane whose turn it is.
    while (inFlight.length >= lanes.length) await settleOldest()
    if (batch.length === 0) return
    const rows = batch
    batch = []
    batchChars = 0
    const lane = lanes[turn++ % lanes.length]
    const write = (tx: Store) => tx.cases.importBatch(rows.map((b) => b.row), {actor: opts.actor, now: opts.now(), dryRun: opts.dryRun, timing, ...lock})
    const written = opts.dryRun ? write(lane.lane) : lane.group.write(write)
    written.catch(() => {}) // awaited by settleOldest(); this only keeps it from counting as unhandled
    inFlight.push({lane, rows, written})
    // stdin: settled now, so no commit waits on the next line of input.
    if (file === '-') await settle()
    // Rows from the worker and SQLite calls are all microtasks: without a turn of the event loop
    // here, a Ctrl-C (a macrotask) would wait until the whole file was written.
    await new Promise((resolve) => setImmediate(resolve))
  }
  const tally = async (rows: typeof batch, outcomes: ImportOutcome[]) => {
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i]
      if (o.kind === 'inserted') s.inserted++
      else if (o.kind === 'updated') s.updated++
      else if (o.kind === 'unchanged') s.unchanged++
      else {
        s.conflicts++
        const b = rows[i]
        const raw = b.record ? recordText(b.record) : await worker!.rawText(b.line)
        const reason = o.hidden
          ? `ref ${b.row.ref} of source "${opts.source}" is already taken; not imported`
          : `ref ${b.row.ref} already names case #${o.id} in source "${opts.source}", a different message (posted time and title differ); not overwritten`
        reject({line: b.line, field: refColumn, reason, raw})
      }
    }
  }

  try {
    await readAll()
    for (const l of lanes) await l.group.commit()
  } catch (error) {
    for (const l of lanes) await l.group.rollback(error)
    throw error
  } finally {
    await worker?.close()
  }
  return finish(s, started)

  async function readAll() {
    for await (const items of batches) {
      for (const item of items) {
        if (item.kind === 'encoding') {
          s.encoding = item.encoding
          refColumn = item.refColumn
          headerSeen = true
          continue
        }
        s.read++
        if (item.kind === 'reject') reject(item.reject)
        else if (item.kind === 'duplicate') s.duplicates++
        else {
          batch.push(item)
          batchChars += rowChars(item.row)
          // Long messages make a batch by their size: the parse thread keeps each unwritten row's
          // record in a capped heap.
          if (batch.length >= batchSize || batchChars >= BATCH_CHARS) {
            await flush()
            // Stop between batches: what was written is committed, and a re-run carries on from there.
            if (opts.signal?.aborted) return settle()
          }
        }
      }
    }
    await flush()
    await settle()
    if (s.read === 0) s.note = headerSeen ? 'header-only' : 'empty'
  }
}

/** The file's size; a directory, or a file that is not there, is said so by name. */
function fileSize(file: string): number {
  let st
  try {
    st = statSync(file)
  } catch (error) {
    throw new BoardError(`cannot read ${file}: ${(error as Error).message}`)
  }
  if (st.isDirectory()) throw new BoardError(`${file} is a directory, not a file`, {suggestion: `name the files in it, e.g. ${file.replace(/\/+$/, '')}/*.csv`})
  return st.size
}

/** A guess at the rows in the files, from their size: exports run about 1 KB a row or more. */
function expectedRows(files: string[]): number {
  let bytes = 0
  for (const f of files) {
    if (f === '-') continue
    try {
      bytes += statSync(f).size
    } catch {
      // unreadable: importOne says so
    }
  }
  return Math.floor(bytes / 1000)
}

async function openFile(file: string): Promise<Readable> {
  try {
    const input = createReadStream(file, {highWaterMark: 1 << 20})
    await new Promise<void>((resolve, reject) => input.once('open', () => resolve()).once('error', reject))
    return input
  } catch (error) {
    throw new BoardError(`cannot read ${file}: ${(error as Error).message}`)
  }
}

function finish(s: FileImportSummary, started: number): FileImportSummary {
  s.seconds = Math.round(performance.now() - started) / 1000
  s.rowsPerSecond = s.seconds > 0 ? Math.round(s.read / s.seconds) : s.read
  return s
}


/** What a full disk did to an import: what the store kept, and how to go on. */
async function fullDuringImport(store: Store, opts: ImportOptions, error: StoreFullError): Promise<StoreFullError> {
  const kept = await store.cases.count({source: opts.source}).catch(() => null)
  return new StoreFullError(
    `import stopped: ${error.message}. Every batch committed before that is kept` +
      (kept === null ? '' : ` (the store holds ${kept} cases of source "${opts.source}")`) +
      '; the batch being written was rolled back, nothing half-written',
    {cause: error, suggestion: 'free disk space (or move the store to a larger disk), then run the same import again: rows already stored are skipped as unchanged'},
  )
}
