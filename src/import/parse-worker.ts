import {createReadStream} from 'node:fs'
import {parentPort, workerData} from 'node:worker_threads'

import type {Encoding} from './encoding.js'
import {type CsvItem, csvSource} from './records.js'

// Parses a file with csvSource in a worker thread and posts its records in batches, at most a few
// batches ahead of the reader (each one is acknowledged), so memory stays flat however big the
// file. Only the parsing runs here: the row checks need the header and the file's repeats, and
// posting checked rows as well as their records (kept for rejects) would send every value twice.

export interface WorkerInput {
  file: string
  encoding?: Encoding
}

export type WorkerMessage =
  | {type: 'encoding'; encoding: Encoding}
  | {type: 'items'; items: CsvItem[]}
  | {type: 'end'}
  | {type: 'error'; name: string; message: string; suggestion?: string}

const BATCH_ITEMS = 500
const AHEAD = 4

async function main(input: WorkerInput) {
  const port = parentPort!
  let credits = AHEAD
  let wake: (() => void) | undefined
  port.on('message', () => {
    credits++
    wake?.()
  })
  const send = async (items: CsvItem[]) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve))
    credits--
    port.postMessage({type: 'items', items} satisfies WorkerMessage)
  }
  const source = await csvSource(createReadStream(input.file, {highWaterMark: 1 << 20}), input.encoding)
  port.postMessage({type: 'encoding', encoding: source.encoding as Encoding} satisfies WorkerMessage)
  let batch: CsvItem[] = []
  for await (const items of source.batches) {
    for (const item of items) batch.push(item)
    if (batch.length >= BATCH_ITEMS) {
      await send(batch)
      batch = []
    }
  }
  if (batch.length > 0) await send(batch)
  port.postMessage({type: 'end'} satisfies WorkerMessage)
}

main(workerData as WorkerInput).catch((error: Error & {suggestion?: string}) => {
  parentPort!.postMessage({type: 'error', name: error.name, message: error.message, suggestion: error.suggestion} satisfies WorkerMessage)
})
