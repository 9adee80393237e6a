import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'

import {BoardError, UsageError} from '../errors.js'
import type {WorkerInput, WorkerMessage} from './parse-worker.js'
import type {RowItem} from './row-stream.js'

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
 * The worker's garbage is short-lived (decoded chunks, parsed rows), but V8 lets an uncapped heap
 * grow to several times what is live. Nothing it keeps grows with the file inside the JS heap
 * (SeenRefs lives in typed arrays), so a fixed cap holds the peak RSS down.
 */
const HEAP_LIMITS = {maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 128}

/**
 * rowStream's items for a file, computed in a worker thread: parsing and row checks on one core,
 * the store writes on the other. Leaving the loop early (Ctrl-C) stops the worker.
 */
export async function* workerRows(input: WorkerInput): AsyncGenerator<RowItem> {
  const worker = new Worker(WORKER, {workerData: input, resourceLimits: HEAP_LIMITS})
  const queue: WorkerMessage[] = []
  let wake: (() => void) | undefined
  const push = (m: WorkerMessage) => {
    queue.push(m)
    wake?.()
  }
  worker.on('message', push)
  worker.on('error', (e) => push({type: 'error', name: 'Error', message: `the parser thread failed: ${e.message}`}))
  // Messages arrive before 'exit': an exit without 'end' means the thread died without a word.
  worker.on('exit', (code) => push({type: 'error', name: 'Error', message: `the parser thread stopped (exit code ${code})`}))
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      const m = queue.shift()!
      if (m.type === 'end') return
      if (m.type === 'error') throw m.name === 'UsageError' ? new UsageError(m.message, m.suggestion) : new BoardError(m.message)
      worker.postMessage('ack')
      yield* m.items
    }
  } finally {
    await worker.terminate()
  }
}
