import {Writable} from 'node:stream'
import {describe, expect, it} from 'vitest'

import {dataOut} from '../../src/cli/data-out.js'

// A slow reader makes every write wait for 'drain': the wait must not leave a listener behind, or a
// long export warns "MaxListenersExceededWarning: Possible EventTarget memory leak" on stderr.

describe('data out at the pace of a slow reader', () => {
  it('waits for each drain without piling up listeners', async () => {
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.name)
    process.on('warning', onWarning)
    try {
      const received: string[] = []
      const slow = new Writable({
        highWaterMark: 1,
        write(chunk, _encoding, done) {
          received.push(String(chunk))
          setImmediate(done)
        },
      })
      const out = dataOut(slow)
      for (let i = 0; i < 50; i++) await out.write(`row ${i}\n`)
      await new Promise((resolve) => setImmediate(resolve))
      expect(received).toHaveLength(50)
      expect(warnings).toEqual([])
    } finally {
      process.off('warning', onWarning)
    }
  })
})
