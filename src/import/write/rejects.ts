import {stringify} from 'csv-stringify/sync'
import {createWriteStream, mkdirSync, type WriteStream} from 'node:fs'
import {dirname} from 'node:path'

import {neutraliseFormula} from '../../domain/sanitize.js'

export interface Reject {
  file: string
  line: number
  field: string | null
  reason: string
  /** The record's text as it was in the file (decoded), so nothing of it is lost. */
  raw: string
}

/** A parsed record as CSV text again (csv-stringify), for the rejects file: built only for a reject. */
export function rawLine(values: string[]): string {
  return stringify([values]).replace(/\n$/, '')
}

/** Opened on the first reject only: a clean import leaves no empty file behind. No path: count only. */
export class RejectsWriter {
  private out?: WriteStream
  count = 0

  constructor(readonly path: string | null) {}

  write(r: Reject): void {
    if (this.path === null) {
      this.count++
      return
    }
    if (!this.out) {
      mkdirSync(dirname(this.path), {recursive: true})
      this.out = createWriteStream(this.path)
      this.out.write('\uFEFF' + stringify([['file', 'line', 'field', 'reason', 'raw']]))
    }
    this.count++
    this.out.write(stringify([[r.file, r.line, r.field ?? '', neutraliseFormula(r.reason), neutraliseFormula(r.raw)]]))
  }

  async close(): Promise<string | null> {
    if (!this.out) return null
    const out = this.out
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
    return this.path
  }
}
