import {describe, expect, it} from 'vitest'

import {parseIds, parseWhere} from '../../src/services/cases/selection.js'

const now = new Date('2024-05-10T00:00:00Z')

describe('--where', () => {
  it('parses every key; older-than counts back from now', () => {
    expect(parseWhere('category=城乡建设, region=A3区,status=new|triaged,unit=a-housing,older-than=3d', now)).toEqual({
      filter: {category: '城乡建设', status: ['new', 'triaged'], unit: 'a-housing', until: '2024-05-07T00:00:00.000Z'},
      region: 'A3区',
    })
    expect(parseWhere('older-than=12h', now).filter.until).toBe('2024-05-09T12:00:00.000Z')
  })
  it.each([
    ['colour=red', /unknown key colour/],
    ['status=open', /unknown status open/],
    ['older-than=3 days', /older-than takes a duration/],
    ['category', /expected key=value/],
  ])('%s is a usage error', (text, message) => {
    expect(() => parseWhere(text, now)).toThrow(message)
  })
})

describe('--ids -', () => {
  it('reads the JSON board list --json prints, a JSON array of numbers, or lines', () => {
    expect(parseIds(JSON.stringify([{id: 3, title: 'x'}, {id: 5}]))).toEqual([3, 5])
    expect(parseIds('[7, 8]')).toEqual([7, 8])
    expect(parseIds('1\n2\r\n\n3\n')).toEqual([1, 2, 3])
    expect(parseIds('  ')).toEqual([])
  })
  it('rejects what is not an id', () => {
    expect(() => parseIds('1\nabc')).toThrow(/not a case id: abc/)
    expect(() => parseIds('[{"ref": "x"}]')).toThrow(/not a case id/)
    expect(() => parseIds('[1,')).toThrow(/not valid JSON/)
  })
})
