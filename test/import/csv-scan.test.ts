import {parse} from 'csv-parse/sync'
import {stringify} from 'csv-stringify/sync'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {type CsvItem, CsvScanner} from '../../src/import/csv-scan.js'

function scan(text: string, cuts: number[] = [], max?: number): CsvItem[] {
  const items: CsvItem[] = []
  const s = new CsvScanner(max)
  let from = 0
  for (const c of [...cuts].sort((a, b) => a - b)) {
    s.push(text.slice(from, c), (i) => items.push(i))
    from = c
  }
  s.push(text.slice(from), (i) => items.push(i))
  s.end((i) => items.push(i))
  return items
}

const records = (items: CsvItem[]) => items.flatMap((i) => (i.kind === 'record' ? [{line: i.record.line, values: i.record.values}] : []))
const raws = (items: CsvItem[]) => items.flatMap((i) => (i.kind === 'record' ? [i.record.raw] : []))
const issues = (items: CsvItem[]) => items.flatMap((i) => (i.kind === 'issue' ? [i.issue] : []))

const field = fc.stringMatching(/^[a-z中文 ,"\n]{0,12}$/)
const table = fc.array(fc.array(field, {minLength: 1, maxLength: 5}), {minLength: 1, maxLength: 20})
  // A record of one empty field is an empty line, which CSV readers skip.
  .map((rows) => rows.filter((r) => !(r.length === 1 && r[0] === '')))

describe('CsvScanner', () => {
  it('reads back what csv-stringify wrote, with each record\'s first line, however the text is chunked', () => {
    fc.assert(
      fc.property(table, fc.boolean(), fc.array(fc.nat(), {maxLength: 6}), (rows, crlf, cuts) => {
        const text = stringify(rows, {record_delimiter: crlf ? '\r\n' : '\n', quoted_match: /\n/})
        const got = records(scan(text, cuts.map((c) => c % (text.length + 1))))
        let line = 1
        const want = rows.map((values) => {
          const r = {line, values}
          line += 1 + values.join('').split('\n').length - 1
          return r
        })
        expect(got).toEqual(want)
        // The same records csv-parse reads.
        expect(got.map((r) => r.values)).toEqual(parse(text, {relax_column_count: true}))
      }),
      {numRuns: 300},
    )
  })

  it('gives a multi-line record the line it starts on, after skipped empty lines', () => {
    const got = records(scan('a,b\n\n1,"x\ny"\n\n\n2,z\r\n3,"q\n\nr"\n4,w'))
    expect(got).toEqual([
      {line: 1, values: ['a', 'b']},
      {line: 3, values: ['1', 'x\ny']},
      {line: 7, values: ['2', 'z']},
      {line: 8, values: ['3', 'q\n\nr']},
      {line: 11, values: ['4', 'w']},
    ])
  })

  it('reads lone-\\r line ends (old Mac Excel) with the right lines, however chunked', () => {
    const text = 'a,b\r1,2\r\r3,"x\ry"\r4,z\r'
    for (const cuts of [[], [1], [3], [4], [9], [14]]) {
      expect(records(scan(text, cuts)), `cuts ${cuts}`).toEqual([
        {line: 1, values: ['a', 'b']},
        {line: 2, values: ['1', '2']},
        {line: 4, values: ['3', 'x\ny']},
        {line: 6, values: ['4', 'z']},
      ])
    }
  })

  it('keeps each record as its text in the file, without its line end', () => {
    expect(raws(scan('a,b\r\n1,"x\r\ny ""q"""\r\n2,z'))).toEqual(['a,b', '1,"x\r\ny ""q"""', '2,z'])
  })

  it('drops a BOM and keeps a quote inside an unquoted field as text', () => {
    expect(records(scan('\uFEFFid,t\n1,say "hi"\n'))).toEqual([
      {line: 1, values: ['id', 't']},
      {line: 2, values: ['1', 'say "hi"']},
    ])
  })

  it('reports text after a closing quote, and goes on with the next line', () => {
    const items = scan('id,t\n1,"ab"c,d\n2,ok\n')
    expect(issues(items)).toEqual([{line: 2, reason: expect.stringMatching(/broken quoting/), raw: '1,"ab"c,d'}])
    expect(records(items).map((r) => r.line)).toEqual([1, 3])
  })

  it('an unclosed quote costs only its own line: the rows after it are read', () => {
    const items = scan('id,t\n1,"never closed\n2,ok\n3,"fine"\n4,ok\n')
    expect(issues(items)).toHaveLength(1)
    expect(issues(items)[0].line).toBe(2)
    expect(records(items).map((r) => r.values[0])).toEqual(['id', '2', '3', '4'])
  })

  it('a record over the size limit is reported and skipped, streaming', () => {
    const long = 'x'.repeat(300)
    const text = `id,t\n1,"${long}\n2,ok\n3,${long}${long}\n4,ok\n`
    const items = scan(text, [50, 100, 200, 400, 500, 700], 250)
    expect(issues(items).map((i) => i.line)).toEqual([2, 4])
    expect(records(items).map((r) => r.values[0])).toEqual(['id', '2', '4'])
  })
})
