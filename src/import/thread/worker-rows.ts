import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'

import {BoardError, UsageError} from '../../errors.js'
import type {WorkerInput, WorkerMessage, WriterMessage} from './parse-worker.js'
import type {RowItem} from '../check/row-stream.js'
import {fromWire} from './row-wire.js'

const WORKER = new URL('./parse-worker.js', import.meta.url)

/**
 * Whether the compiled worker is there (it is in the built CLI; tests running the sources parse
 * in-thread). BOARD_IMPORT_THREADS=1 keeps everything on one thread.
 */
export function workerAvailable(): boolean {
  if (process.env.BOARD_IMPORT_THREADS === '1') return false
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER))
}

/**
 * The worker's garbage is short-lived (file chunks, parsed records) and what it keeps is bounded
 * (a few batches ahead of the writer, and the records of rows not yet written, batches being cut
 * by characters as well as rows: about 12M characters at most), but V8 lets an uncapped heap grow
 * to several times what is live; a fixed cap holds the peak RSS down. The file's refs (SeenRefs)
 * live outside this heap. BOARD_PARSE_HEAP_MB changes the cap (tests use a small one). The young
 * generation holds a few 1 MB chunks with their records: at 4 MB it was scavenged so often that
 * the parse thread spent a tenth of its time more on it than at 16 MB (+15 MB of peak RSS).
 */
const heapLimits = () => ({maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: Number(process.env.BOARD_PARSE_HEAP_MB) || 64})

export interface WorkerRows {
  /** The file's rows, rejects and repeats; rows come without their record (see rawText). */
  batches: AsyncGenerator<RowItem[]>
  /** The text of a posted row's record, for a reject the store decided on. */
  rawText(line: number): Promise<string>
  /** Rows up to this line are written or turned down: their records can go. */
  settled(line: number): void
  /** Stops the thread (also when the rows were not all read: Ctrl-C, a failure). */
  close(): Promise<void>
}

/**
 * A file read, parsed and checked in a worker thread (parse-worker.ts): all of that on one core,
 * the store writes on the other.
 */
export function workerRows(input: WorkerInput): WorkerRows {
  const worker = new Worker(WORKER, {workerData: input, resourceLimits: heapLimits()})
  const queue: WorkerMessage[] = []
  const asked = new Map<number, (text: string) => void>()
  let failure: Error | undefined
  let wake: (() => void) | undefined
  const push = (m: WorkerMessage) => {
    if (m.type === 'raw') {
      asked.get(m.line)?.(m.text)
      asked.delete(m.line)
      return
    }
    queue.push(m)
    wake?.()
  }
  const post = (m: WriterMessage) => worker.postMessage(m)
  worker.on('message', push)
  worker.on('error', (e) => {
    // Batches are cut by size, so only a cap set below what one batch needs should get here.
    const suggestion = /memory limit/i.test(e.message) ? `raise BOARD_PARSE_HEAP_MB (the parse thread's heap, now ${heapLimits().maxOldGenerationSizeMb} MB)` : undefined
    push({type: 'error', name: 'Error', message: `the parser thread failed: ${e.message}`, suggestion})
  })
  // Messages arrive before 'exit': an exit without 'end' means the thread died without a word.
  let closed = false
  worker.on('exit', (code) => {
    if (!closed) push({type: 'error', name: 'Error', message: `the parser thread stopped (exit code ${code})`})
    failure ??= new BoardError(`the parser thread stopped (exit code ${code})`)
    for (const resolve of asked.values()) resolve('')
  })
  const next = async (): Promise<WorkerMessage> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
    const m = queue.shift()!
    if (m.type === 'error') throw m.name === 'UsageError' ? new UsageError(m.message, m.suggestion) : new BoardError(m.message, {suggestion: m.suggestion})
    return m
  }
  async function* batches(): AsyncGenerator<RowItem[]> {
    for (;;) {
      const m = await next()
      if (m.type === 'end') return
      if (m.type !== 'items') continue
      post({type: 'ack'})
      yield m.items.map((item): RowItem => (Array.isArray(item) ? fromWire(item) : (item as RowItem)))
    }
  }
  return {
    batches: batches(),
    rawText(line) {
      if (failure) return Promise.resolve('')
      return new Promise((resolve) => {
        asked.set(line, resolve)
        post({type: 'raw', line})
      })
    },
    settled(line) {
      if (!failure) post({type: 'settled', line})
    },
    async close() {
      closed = true
      await worker.terminate()
    },
  }
}
