import {describe, expect, it} from 'vitest'

import {SeenRefs} from '../../src/import/seen-refs.js'

describe('SeenRefs', () => {
  it('keeps each ref\'s first line and hash, numeric or not, past its initial capacity', () => {
    const s = new SeenRefs()
    for (let i = 0; i < 10_000; i++) s.add(String(1000 + i), i + 2, i)
    s.add('0123', 1, 0xabcd)
    s.add('A-1', 2, 0x1_0005)
    expect(s.get('1000')).toEqual({line: 2, hash: 0})
    expect(s.get('10999')).toEqual({line: 10_001, hash: 9999})
    expect(s.get('0123')).toEqual({line: 1, hash: 0xabcd})
    expect(s.get('123')).toBeUndefined()
    expect(s.get('A-1')).toEqual({line: 2, hash: 5})
    expect(s.get('12345678901234')).toBeUndefined()
  })
})
