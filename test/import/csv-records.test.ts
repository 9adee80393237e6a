import {parse} from 'csv-parse/sync'
import {stringify} from 'csv-stringify/sync'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {CsvReader} from '../../src/import/parse/csv-reader.js'
import {type CsvItem, csvRecords} from '../../src/import/parse/records.js'

// csvRecords on csv-parse: each record's first line, however the text is chunked, and what
// happens to broken quoting.

async function read(text: string, cuts: number[] = []): Promise<CsvItem[]> {
  const chunks: Buffer[] = []
  let from = 0
  for (const c of [...cuts, text.length].sort((a, b) => a - b)) {
    chunks.push(Buffer.from(text.slice(from, c)))
    from = c
  }
  const items: CsvItem[] = []
  for await (const item of csvRecords((async function* () { yield* chunks })(), 'utf8')) items.push(item)
  return items
}

const records = (items: CsvItem[]) => items.flatMap((i) => (i.kind === 'record' ? [{line: i.record.line, values: i.record.values}] : []))
const issues = (items: CsvItem[]) => items.flatMap((i) => (i.kind === 'issue' ? [i.issue] : []))

const field = fc.stringMatching(/^[a-z中文 ,"\n]{0,12}$/)
const table = fc.array(fc.array(field, {minLength: 1, maxLength: 5}), {minLength: 1, maxLength: 20})
  // A record of one empty field is an empty line, which CSV readers skip.
  .map((rows) => rows.filter((r) => !(r.length === 1 && r[0] === '')))

describe('csvRecords (csv-parse)', () => {
  it('reads back what csv-stringify wrote, with each record\'s first line, for \\n, \\r\\n and \\r line ends, however chunked', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.nat(), {maxLength: 6}), fc.array(fc.nat(), {maxLength: 3}), async (rows, eol, cuts, blanks) => {
        // Values keep \n inside quotes; with \r\n line ends, a value's line break is \r\n too.
        const body = rows.map((r) => r.map((v) => (eol === '\r\n' ? v.replaceAll('\n', '\r\n') : v)))
        const lines = body.map((r) => stringify([r], {record_delimiter: eol, quoted_match: /[\r\n]/}))
        // Empty lines between records are skipped but counted.
        const empty = lines.map(() => 0)
        for (const b of blanks) if (lines.length > 0) empty[b % lines.length]++
        const text = lines.map((l, i) => l + eol.repeat(empty[i])).join('')
        let line = 1
        const want = body.map((values, i) => {
          const r = {line, values}
          line += 1 + (values.join('').match(/\r\n|\r|\n/g)?.length ?? 0) + empty[i]
          return r
        })
        const got = records(await read(text, cuts.map((c) => c % (text.length + 1))))
        expect(got).toEqual(want)
      }),
      {numRuns: 200},
    )
  })

  it('gives a multi-line record the line it starts on, after skipped empty lines (\\n and \\r\\n)', async () => {
    const want = [
      {line: 1, values: ['a', 'b']},
      {line: 3, values: ['1', 'x\ny']},
      {line: 7, values: ['2', 'z']},
      {line: 8, values: ['3', 'q\n\nr']},
      {line: 11, values: ['4', 'w']},
    ]
    expect(records(await read('a,b\n\n1,"x\ny"\n\n\n2,z\n3,"q\n\nr"\n4,w'))).toEqual(want)
    const crlf = await read('a,b\r\n\r\n1,"x\r\ny"\r\n\r\n\r\n2,z\r\n3,"q\r\n\r\nr"\r\n4,w\r\n')
    expect(records(crlf).map((r) => r.line)).toEqual(want.map((r) => r.line))
    expect(records(crlf)[3].values).toEqual(['3', 'q\r\n\r\nr'])
  })

  it('reads lone-\\r line ends (old Mac Excel) and mixed line ends with the right lines, however chunked', async () => {
    const text = 'a,b\r1,2\r\r3,"x\ry"\r4,z\r'
    for (const cuts of [[], [1], [3], [4], [9], [14]]) {
      expect(records(await read(text, cuts)), `cuts ${cuts}`).toEqual([
        {line: 1, values: ['a', 'b']},
        {line: 2, values: ['1', '2']},
        {line: 4, values: ['3', 'x\ry']},
        {line: 6, values: ['4', 'z']},
      ])
    }
    expect(records(await read('a,b\n1,2\r\n3,"x\r\ny"\n5,6\r7,8'))).toEqual([
      {line: 1, values: ['a', 'b']},
      {line: 2, values: ['1', '2']},
      {line: 3, values: ['3', 'x\r\ny']},
      {line: 5, values: ['5', '6']},
      {line: 6, values: ['7', '8']},
    ])
  })

  it('drops a BOM and keeps a quote inside an unquoted field, or text after a closing quote, as text', async () => {
    expect(records(await read('\uFEFFid,t\n1,say "hi"\n2,"ab"c,d\n'))).toEqual([
      {line: 1, values: ['id', 't']},
      {line: 2, values: ['1', 'say "hi"']},
      {line: 3, values: ['2', '"ab"c', 'd']},
    ])
  })

  it('an unclosed quote runs on to the next quote: the lines between are one (ragged) record, later lines are read', async () => {
    const items = await read('id,t\n1,"never closed\n2,ok\n3,"fine"\n4,ok\n')
    expect(issues(items)).toEqual([])
    expect(records(items)).toEqual([
      {line: 1, values: ['id', 't']},
      {line: 2, values: ['1', '"never closed\n2,ok\n3,"fine"']},
      {line: 5, values: ['4', 'ok']},
    ])
  })

  it('a quote never closed: one issue at its first line, the rest of the file as its text', async () => {
    const text = 'id,t\n1,ok\n\n\n2,"never closed\n3,ok\n4,ok\n'
    for (const cuts of [[], [7], [12], [20]]) {
      const items = await read(text, cuts)
      expect(records(items).map((r) => r.line)).toEqual([1, 2])
      expect(issues(items)).toEqual([{line: 5, reason: expect.stringMatching(/never closed: the rest of the file from line 5 was not imported/), raw: '2,"never closed\n3,ok\n4,ok'}])
    }
  })

  it('a record over the size limit whose quote never closes: one issue at its first line, and the reading stops there', async () => {
    const reader = new CsvReader(250)
    const long = 'x'.repeat(300)
    const text = `id,t\n1,ok\n2,"${long}\n3,ok\n4,ok\n`
    const items: CsvItem[] = []
    for (let i = 0; i < text.length; i += 40) items.push(...reader.write(text.slice(i, i + 40)))
    items.push(...(await reader.end()))
    expect(records(items).map((r) => r.line)).toEqual([1, 2])
    expect(issues(items)).toEqual([{line: 3, reason: expect.stringMatching(/never closed: the rest of the file from line 3 was not imported/), raw: expect.stringMatching(/^2,"x{300}\n3,ok\n4,ok\n$/)}])
    expect(reader.stopped).toBe(true)
  })

  it('reads the same values as csv-parse/sync on a real export', async () => {
    const text = stringify([['留言编号', '留言主题'], ['1', '多行\n"引号"'], ['2', '逗号,在内']])
    expect(records(await read(text)).map((r) => r.values)).toEqual(parse(text))
  })
})
