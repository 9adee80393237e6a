import {createReadStream} from 'node:fs'
import {parentPort, workerData} from 'node:worker_threads'

import {type RowItem, rowStream, type RowStreamOptions} from './row-stream.js'

// Runs rowStream over a file in a worker thread and posts its items in batches, at most a few
// batches ahead of the writer (each one is acknowledged), so memory stays flat however big the file.

export interface WorkerInput extends RowStreamOptions {
  file: string
}

export type WorkerMessage =
  | {type: 'items'; items: RowItem[]}
  | {type: 'end'}
  | {type: 'error'; name: string; message: string; suggestion?: string}

const BATCH_ITEMS = 500
const AHEAD = 6

async function main(input: WorkerInput) {
  const port = parentPort!
  let credits = AHEAD
  let wake: (() => void) | undefined
  port.on('message', () => {
    credits++
    wake?.()
  })
  const send = async (items: RowItem[]) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve))
    credits--
    port.postMessage({type: 'items', items} satisfies WorkerMessage)
  }
  let batch: RowItem[] = []
  for await (const item of rowStream(createReadStream(input.file, {highWaterMark: 1 << 20}), input)) {
    batch.push(item)
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
