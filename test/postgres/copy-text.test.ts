import {describe, expect, it} from 'vitest'

import {copyChunks} from '../../src/store/postgres/copy.js'

const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8')

describe('COPY text in buffers', () => {
  it('escapes what the text format reserves and writes NULL as \\N, empty as nothing', () => {
    const chunks = [...copyChunks([
      [1, 'tab\there', 'line\nbreak\r', 'back\\slash \\N', null, ''],
      [2.5, '留言 😀', '\u0001\u001f\u007f', '', null, 'end'],
    ])]
    expect(text(chunks)).toBe('1\ttab\\there\tline\\nbreak\\r\tback\\\\slash \\\\N\t\\N\t\n2.5\t留言 😀\t\u0001\u001f\u007f\t\t\\N\tend\n')
  })

  it('cuts chunks between fields only, each valid UTF-8 on its own, and fits a field larger than a chunk', () => {
    const big = '长'.repeat(700_000) // 2.1 MB of UTF-8: more than a chunk
    const rows = Array.from({length: 5000}, (_, i) => [i, '留言'.repeat(100), i === 2500 ? big : 'x'])
    const chunks = [...copyChunks(rows)]
    expect(chunks.length).toBeGreaterThan(2)
    for (const c of chunks) expect(Buffer.from(c.toString('utf8'), 'utf8').equals(c)).toBe(true)
    const lines = text(chunks).split('\n')
    expect(lines).toHaveLength(5001)
    expect(lines[2500]).toBe(`2500\t${'留言'.repeat(100)}\t${big}`)
    expect(lines[4999]).toBe(`4999\t${'留言'.repeat(100)}\tx`)
  })
})
