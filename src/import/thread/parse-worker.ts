import {createReadStream} from 'node:fs'
import {parentPort, workerData} from 'node:worker_threads'

import type {CsvRecord} from '../parse/records.js'
import {csvSource} from '../parse/records.js'
import {open311Source} from '../parse/open311.js'
import {recordText, type RowItem, rowItems, type RowStreamOptions} from '../check/row-stream.js'
import {rowChars} from '../check/row.js'
import {toWire, type WireRow} from './row-wire.js'
import {importVersion} from '../../domain/import-decision.js'

// Reads, parses and checks a file in a worker thread (rowItems: header, dates, repeats inside the
// file), and posts its rows in batches, at most a few batches ahead of the writer (each one is
// acknowledged), so memory stays flat however big the file. A row is posted without its record:
// the record is kept here until the writer says the row is settled, and sent only for the few rows
// the store turns down (a conflict's reject quotes it), so no value crosses between threads twice.

export interface WorkerInput {
  file: string
  rows: RowStreamOptions
}

/** What a batch carries: rows in wire form, and everything else as rowItems says it. */
export type WorkerItem = WireRow | Exclude<RowItem, {kind: 'row'}>

/** Worker → writer. */
export type WorkerMessage =
  | {type: 'items'; items: WorkerItem[]}
  | {type: 'end'}
  | {type: 'raw'; line: number; text: string}
  | {type: 'error'; name: string; message: string; suggestion?: string}

/** Writer → worker: a batch taken, a record's text wanted, rows up to a line settled. */
export type WriterMessage = {type: 'ack'} | {type: 'raw'; line: number} | {type: 'settled'; line: number}

const BATCH_ITEMS = 500
/** A batch is cut at this many characters of row text too, well above what a typical export's rows hold. */
const BATCH_CHARS = 1_000_000
const AHEAD = 4

async function main(input: WorkerInput) {
  const port = parentPort!
  // The records of rows posted and not yet settled, in line order.
  const kept = new Map<number, CsvRecord>()
  let credits = AHEAD
  let wake: (() => void) | undefined
  port.on('message', (m: WriterMessage) => {
    if (m.type === 'ack') {
      credits++
      wake?.()
    } else if (m.type === 'raw') {
      const record = kept.get(m.line)
      port.postMessage({type: 'raw', line: m.line, text: record ? recordText(record) : ''} satisfies WorkerMessage)
    } else {
      for (const line of kept.keys()) {
        if (line > m.line) break
        kept.delete(line)
      }
    }
  })
  const send = async (items: WorkerItem[]) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve))
    credits--
    port.postMessage({type: 'items', items} satisfies WorkerMessage)
  }
  const stream = createReadStream(input.file, {highWaterMark: 1 << 20})
  const source = input.rows.format === 'open311' ? open311Source(stream) : await csvSource(stream, input.rows.encoding)
  let batch: WorkerItem[] = []
  let chars = 0
  for await (const items of rowItems(source, input.rows)) {
    for (const item of items) {
      if (item.kind === 'row') {
        kept.set(item.line, item.record!)
        // Worked out here, the row's fingerprint costs the writer's thread nothing.
        item.row.importVersion = importVersion(item.row)
        batch.push(toWire(item.line, item.row))
        chars += rowChars(item.row)
      } else {
        batch.push(item)
        if (item.kind === 'reject') chars += item.reject.raw.length
      }
      if (batch.length >= BATCH_ITEMS || chars >= BATCH_CHARS) {
        await send(batch)
        batch = []
        chars = 0
      }
    }
  }
  if (batch.length > 0) await send(batch)
  // The thread stays up for the records the writer may still ask for, until it is terminated.
  port.postMessage({type: 'end'} satisfies WorkerMessage)
}

main(workerData as WorkerInput).catch((error: Error & {suggestion?: string}) => {
  parentPort!.postMessage({type: 'error', name: error.name, message: error.message, suggestion: error.suggestion} satisfies WorkerMessage)
})
