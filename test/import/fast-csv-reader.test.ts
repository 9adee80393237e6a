import {stringify} from 'csv-stringify/sync'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {CsvReader} from '../../src/import/parse/csv-reader.js'
import {FastCsvReader} from '../../src/import/parse/fast-csv-reader.js'
import type {CsvItem} from '../../src/import/parse/records.js'

// FastCsvReader must read any text exactly as CsvReader (csv-parse) does, and stay on papaparse
// for clean exports, or it is only a slower way to the same records.

async function readAll(reader: CsvReader | FastCsvReader, chunks: (string | Buffer)[]): Promise<CsvItem[]> {
  const items: CsvItem[] = []
  for (const c of chunks) {
    items.push(...reader.write(c))
    if (reader.stopped) break
  }
  items.push(...(await reader.end()))
  return items
}

function cut(text: string, cuts: number[], bytes: boolean): (string | Buffer)[] {
  const whole = bytes ? Buffer.from(text) : text
  const chunks: (string | Buffer)[] = []
  let from = 0
  for (const c of [...cuts.map((c) => c % (whole.length + 1)), whole.length].sort((a, b) => a - b)) {
    chunks.push(whole.slice(from, c))
    from = c
  }
  return chunks
}

// A record over the size limit stops both readers; its raw text is what had been read of its first
// line, so it depends on where the chunks end (and CsvReader shows a character cut by a chunk as
// U+FFFD). Those raw texts need only agree as far as both go.
function sameUpToWhereReadingStopped(got: CsvItem[], want: CsvItem[]): CsvItem[] {
  return got.map((item, i) => {
    const w = want[i]
    if (item.kind !== 'issue' || w?.kind !== 'issue' || !/^record over/.test(w.issue.reason) || item.issue.reason !== w.issue.reason) return item
    const [x, y] = [item.issue.raw, w.issue.raw.replace(/\uFFFD+$/, '')]
    return x.startsWith(y) || y.startsWith(x) ? w : item
  })
}

// Hostile text: quotes in every position, blanks beside them, every kind of line end, Chinese
// (multi-byte, so byte cuts fall inside characters), the ideographic space papaparse trims.
const hostile = fc.array(fc.constantFrom('a', '中', ',', '"', '""', ' ', '\u3000', '\t', '\n', '\r', '\r\n', '"\r\n', '" ,', '\n""\n', 'x"y', 'aaaaaaaaaa'), {maxLength: 200}).map((parts) => parts.join(''))

describe('FastCsvReader', () => {
  it('gives the same records, lines and issues as CsvReader on any text, however chunked (bytes or text)', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.array(fc.nat(), {maxLength: 5}), fc.boolean(), fc.integer({min: 5, max: 400}), async (text, cuts, bytes, max) => {
        const want = await readAll(new CsvReader(max), cut(text, cuts, bytes))
        const got = await readAll(new FastCsvReader(max), cut(text, cuts, bytes))
        expect(sameUpToWhereReadingStopped(got, want)).toEqual(want)
      }),
      {numRuns: 3000},
    )
  })

  it('reads a clean export on papaparse to the end: \\n or \\r\\n line ends, a BOM, quoted line breaks, quotes inside values', async () => {
    const rows = [['留言编号', '留言主题', '留言详情'], ...Array.from({length: 300}, (_, i) => [String(i), `主题"${i}"`, i % 7 === 0 ? `第一行\n第二行，"引用"，\n` : '正文'])]
    for (const eol of ['\n', '\r\n']) {
      const text = '\uFEFF' + stringify(rows, {record_delimiter: eol}) + eol
      const reader = new FastCsvReader()
      const got = await readAll(reader, cut(text, [1, 100, 2000, 2001, 5000], true))
      expect(reader.handedOver, JSON.stringify(eol)).toBe(false)
      expect(got).toEqual(await readAll(new CsvReader(), [text]))
      expect(got.length).toBe(rows.length)
    }
  })

  it('stays on papaparse wherever a chunk ends, also between a closing quote and its \\r\\n', async () => {
    const text = stringify([['id', 't'], ['1', '多行\r\n"引号"'], ['2', 'x'], ['3', '"']], {record_delimiter: '\r\n', quoted: true})
    const bytes = Buffer.from(text)
    for (let i = 0; i <= bytes.length; i++) {
      const reader = new FastCsvReader()
      const got = await readAll(reader, [bytes.subarray(0, i), bytes.subarray(i)])
      expect(reader.handedOver, `cut at ${i}`).toBe(false)
      expect(got.map((g) => g.kind === 'record' && g.record.values)).toEqual([['id', 't'], ['1', '多行\r\n"引号"'], ['2', 'x'], ['3', '"']])
    }
  })

  it('hands an unfinished record over to CsvReader once it could exceed the size limit, not at the end of the file', async () => {
    const reader = new FastCsvReader(300)
    reader.write('id,t\n1,"never closed ')
    expect(reader.handedOver).toBe(false)
    for (let i = 0; i < 5 && !reader.handedOver; i++) reader.write('x'.repeat(40))
    expect(reader.handedOver).toBe(true)
  })

  it('hands over to CsvReader at the first record the two could read differently, with the lines it starts on', async () => {
    const reader = new FastCsvReader()
    const items = await readAll(reader, ['id,t\n1,ok\n\n2,"x\ny"\n', '3,"ab"c,d\n4,ok\n'])
    expect(reader.handedOver).toBe(true)
    expect(items).toEqual([
      {kind: 'record', record: {line: 1, values: ['id', 't']}},
      {kind: 'record', record: {line: 2, values: ['1', 'ok']}},
      {kind: 'record', record: {line: 4, values: ['2', 'x\ny']}},
      {kind: 'record', record: {line: 6, values: ['3', '"ab"c', 'd']}},
      {kind: 'record', record: {line: 7, values: ['4', 'ok']}},
    ])
  })
})
