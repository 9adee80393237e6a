import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {SeenRefs} from '../../src/import/check/seen-refs.js'

describe('SeenRefs', () => {
  it('keeps each ref\'s first line and hash, numeric or not, as the table grows', () => {
    const s = new SeenRefs()
    for (let i = 0; i < 100_000; i++) s.add(String(1000 + i), i + 2, i)
    s.add('0123', 1, 0xabcd)
    s.add('A-1', 2, 0x1_0005)
    s.add('-5', 3, 7)
    expect(s.size).toBe(100_003)
    expect(s.get('1000')).toEqual({line: 2, hash: 0})
    expect(s.get('100999')).toEqual({line: 100_001, hash: 99_999 & 0xffff})
    expect(s.get('0123')).toEqual({line: 1, hash: 0xabcd})
    expect(s.get('123')).toBeUndefined()
    expect(s.get('A-1')).toEqual({line: 2, hash: 5})
    expect(s.get('-5')).toEqual({line: 3, hash: 7})
    expect(s.get('5')).toBeUndefined()
    expect(s.get('1000000000000000000')).toBeUndefined()
  })

  it('agrees with a Map on any refs', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({maxLength: 8}), fc.nat().map(String)), {maxLength: 300}), (refs) => {
        const s = new SeenRefs()
        const m = new Map<string, number>()
        refs.forEach((r, i) => {
          expect(s.get(r)?.line).toBe(m.get(r))
          if (!m.has(r)) {
            m.set(r, i)
            s.add(r, i, i)
          }
        })
      }),
    )
  })
})
