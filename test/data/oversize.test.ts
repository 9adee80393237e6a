import {spawnSync} from 'node:child_process'
import {closeSync, openSync, writeSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {FastCsvReader} from '../../src/import/parse/fast-csv-reader.js'
import type {Reject} from '../../src/import/write/rejects.js'
import type {CsvItem} from '../../src/import/parse/records.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {ROOT} from '../helpers/run-cli.js'
import {importInto, scratch} from './import-helpers.js'

// A record over the size limit is one rejected record: its line and first bytes are reported,
// and the import goes on with the next record.

const files = scratch()

async function read(text: string, chunk: number, maxBytes: number): Promise<CsvItem[]> {
  const reader = new FastCsvReader(maxBytes)
  const out: CsvItem[] = []
  const bytes = Buffer.from(text)
  for (let i = 0; i < bytes.length; i += chunk) out.push(...reader.write(bytes.subarray(i, i + chunk)))
  out.push(...(await reader.end()))
  return out
}

describe('the CSV reader past an over-size record', () => {
  const lines = [
    'a,b,c', //                                                  1
    '1,x,y', //                                                  2
    `2,"${'长'.repeat(600)}\n${'z'.repeat(600)}\r\nq",y`, //       3-5: quoted, closed, over the limit
    '3,x,y', //                                                  6
    `4,${'w'.repeat(2000)},y`, //                                7: unquoted, over the limit
    '', //                                                       8
    '5,x,"y""z"', //                                             9
    `6,"${'q'.repeat(3000)}","closed"`, //                       10
    '7,x,y', //                                                  11
  ]
  it.each([1, 7, 100, 1 << 20])('in chunks of %i bytes: rejects lines 3, 7 and 10 and reads every other record on its line', async (chunk) => {
    const items = await read(lines.join('\n') + '\n', chunk, 1000)
    const records = items.flatMap((i) => (i.kind === 'record' ? [[i.record.line, i.record.values[0]]] : []))
    expect(records).toEqual([[1, 'a'], [2, '1'], [6, '3'], [9, '5'], [11, '7']])
    const issues = items.flatMap((i) => (i.kind === 'issue' ? [i.issue] : []))
    expect(issues.map((i) => i.line)).toEqual([3, 7, 10])
    for (const i of issues) {
      expect(i.reason).toMatch(/^record over 1,000 bytes, not imported .*the import went on with the next record$/)
      expect(i.reason).not.toMatch(/unclosed quote/)
    }
    expect(issues[0].raw.startsWith('2,"长长长')).toBe(true)
    expect(issues[1].raw.startsWith('4,www')).toBe(true)
  })

  it('a quote never closed still ends the file, and says so', async () => {
    const items = await read(['a,b', '1,x', `2,"${'q'.repeat(3000)}`, '3,y'].join('\n') + '\n', 64, 1000)
    const issues = items.flatMap((i) => (i.kind === 'issue' ? [i.issue] : []))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({line: 3})
    expect(issues[0].reason).toMatch(/quoted field is never closed: the rest of the file from line 3 was not imported/)
  })
})

describe.each(backendList)('importing a file with a 15 MB field on $name', (backend) => {
  afterAll(() => backend.cleanup())
  it('rejects that record with its line and first bytes, and imports the rows after it', async () => {
    const header = '留言编号,留言主题,留言时间,留言详情'
    const file = files.file(`big-field-${backend.name}.csv`, [header, '1,之前,2019-04-05 09:03:01,正文', `2,超大,2019-04-05 09:03:01,"${'长'.repeat(5_000_000)}"`, '3,之后,2019-04-05 09:03:01,正文', '4,再之后,2019-04-05 09:03:01,正文'].join('\n') + '\n')
    const store = await freshStore(backend)
    const rejects: Reject[] = []
    const r = await importInto(store, [file], {onReject: (x) => rejects.push(x)})
    expect(r.files[0]).toMatchObject({inserted: 3, rejected: 1})
    expect(rejects).toHaveLength(1)
    expect(rejects[0]).toMatchObject({line: 3})
    expect(rejects[0].reason).not.toMatch(/unclosed quote|rest of the file/)
    expect(rejects[0].raw.startsWith('2,超大,2019-04-05 09:03:01,"长长')).toBe(true)
    expect((await store.cases.list({})).map((c) => c.ref).sort()).toEqual(['1', '3', '4'])
    await store.close()
  })
})

describe('memory with a 100 MB field (the built CLI, a real process)', () => {
  it('peak RSS stays under 300 MB and the rows after it are imported', () => {
    const file = files.file('field-100mb.csv')
    const fd = openSync(file, 'w')
    writeSync(fd, '留言编号,留言主题,留言时间,留言详情\n1,之前,2019-04-05 09:03:01,正文\n2,超大,2019-04-05 09:03:01,"')
    const block = Buffer.from('长'.repeat(1 << 20)) // 3 MB
    for (let n = 0; n < 34; n++) writeSync(fd, block)
    writeSync(fd, '"\n3,之后,2019-04-05 09:03:01,正文\n')
    closeSync(fd)
    const r = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb %M', process.execPath, join(ROOT, 'bin', 'run.js'), 'import', file, '--source', 'big', '--store', join(files.dir, 'big.db'), '--json', '--rejects', join(files.dir, 'big-rejects.csv')], {
      encoding: 'utf8',
      env: {...process.env, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C', NO_COLOR: '1'},
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(r.status, r.stderr).toBe(1)
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({read: 3, inserted: 2, rejected: 1})
    expect(r.stderr).toMatch(/field-100mb\.csv:3: record over 6,000,000 bytes, not imported/)
    const kb = Number(/maxrss-kb (\d+)/.exec(r.stderr)![1])
    expect(kb).toBeLessThan(300 * 1024)
  }, 120_000)
})
