import {once} from 'node:events'

// Data on stdout in pieces, at the pace the reader takes it: a listing of millions never sits in
// memory, and a reader that goes away (`| head`) ends the output quietly, as Unix tools do.

export interface DataOut {
  write(chunk: string): Promise<void>
  /** The reader went away; stop producing. */
  readonly closed: boolean
}

export function dataOut(stream: NodeJS.WritableStream = process.stdout): DataOut {
  let closed = false
  const gone = new AbortController()
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    closed = true
    gone.abort()
  })
  return {
    get closed() {
      return closed
    },
    async write(chunk: string) {
      if (closed || chunk === '') return
      if (stream.write(chunk)) return
      // Whichever comes first, the other wait's listener is taken off again: a long slow output
      // waits thousands of times.
      const settled = new AbortController()
      try {
        await Promise.race([once(stream, 'drain', {signal: settled.signal}), once(gone.signal, 'abort', {signal: settled.signal})])
      } finally {
        settled.abort()
      }
    },
  }
}

/** A JSON array written element by element, laid out as oclif prints --json (two-space indent). */
export function jsonArrayOut(out: DataOut) {
  let count = 0
  return {
    async items(values: readonly unknown[]) {
      if (values.length === 0) return
      const text = values.map((v, i) => (count + i === 0 ? '[\n  ' : ',\n  ') + JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')).join('')
      count += values.length
      await out.write(text)
    },
    async end() {
      await out.write(count === 0 ? '[]\n' : '\n]\n')
    },
  }
}
