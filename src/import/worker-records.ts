import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'

import {BoardError, UsageError} from '../errors.js'
import type {WorkerInput, WorkerMessage} from './parse-worker.js'
import type {CsvItem, RecordSource} from './records.js'

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
 * The worker's garbage is short-lived (file chunks, parsed records) and what it keeps is a few
 * batches ahead of the reader, but V8 lets an uncapped heap grow to several times what is live; a
 * fixed cap holds the peak RSS down.
 */
const HEAP_LIMITS = {maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64}

/**
 * A file's records, parsed in a worker thread: parsing on one core, row checks and the store
 * writes on the other. Leaving the loop early (Ctrl-C) stops the worker.
 */
export async function workerRecords(input: WorkerInput): Promise<RecordSource> {
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
  const next = async (): Promise<WorkerMessage> => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
    const m = queue.shift()!
    if (m.type === 'error') throw m.name === 'UsageError' ? new UsageError(m.message, m.suggestion) : new BoardError(m.message)
    return m
  }
  async function* batches(): AsyncGenerator<CsvItem[]> {
    try {
      for (;;) {
        const m = await next()
        if (m.type === 'end') return
        if (m.type !== 'items') continue
        worker.postMessage('ack')
        yield m.items
      }
    } finally {
      await worker.terminate()
    }
  }
  let first: WorkerMessage
  try {
    first = await next()
  } catch (error) {
    await worker.terminate()
    throw error
  }
  // An empty file ends before it has an encoding.
  if (first.type === 'end') queue.unshift(first)
  return {encoding: first.type === 'encoding' ? first.encoding : (input.encoding ?? 'utf8'), batches: batches()}
}
