import {parse} from 'csv-parse/sync'
import {afterAll, describe, expect, it} from 'vitest'

import {backendList, freshStore} from '../helpers/backends.js'
import {exportText, importInto, scratch} from './import-helpers.js'

// The export reads the store page by page after the last case it wrote (keyset paging): every
// case comes out once, in list order, also where many share a posted time across page ends.

describe.each(backendList)('export paging on $name', (backend) => {
  afterAll(() => backend.cleanup())
  it('every case exactly once, newest first, ties on posted time in id order, across small pages', async () => {
    const files = scratch()
    const rows = Array.from({length: 53}, (_, i) => `p${i},标题${i},2019-04-0${1 + (i % 3)} 09:00:00,正文${i}`)
    const store = await freshStore(backend)
    await importInto(store, [files.file('ties.csv', ['留言编号,留言主题,留言时间,留言详情', ...rows].join('\n') + '\n')], {source: 'ties'})
    const listed = (await store.cases.list({})).map((c) => String(c.id))
    for (const pageSize of [1, 7, 50, 1000]) {
      const csv = await exportText(store, {format: 'csv', pageSize})
      const ids = (parse(csv, {bom: true, columns: true}) as {id: string}[]).map((r) => r.id)
      expect(ids).toEqual(listed)
      const json = JSON.parse(await exportText(store, {format: 'json', pageSize, filter: {since: '2019-04-02T00:00:00Z'}})) as {id: number}[]
      expect(json.map((c) => String(c.id))).toEqual((await store.cases.list({since: '2019-04-02T00:00:00Z'})).map((c) => String(c.id)))
    }
    await store.close()
  })
})

describe('CSV lines written cell by cell', () => {
  it('are the text csv-stringify writes for the same cells, hostile ones included', async () => {
    const {stringify} = await import('csv-stringify/sync')
    const {csvValueLines, CSV_COLUMNS} = await import('../../src/export/case-export.js')
    const {safeCell} = await import('../../src/export/csv-cell.js')
    const hostile = ['=1+1', ' +cmd', '＝SUM(A1)', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', '', '-', '@x', '\t=x', '普通文本', '"', ',']
    const rows = hostile.map((h, i) => CSV_COLUMNS.map((k, j) => (k === 'id' || k === 'likes' ? i * 10 + j : j % 3 === 0 ? null : hostile[(i + j) % hostile.length] + (k === 'title' ? h : ''))))
    expect(csvValueLines(rows, false)).toBe(stringify(rows.map((r) => r.map((v) => safeCell(v as string | number | null)))))
  })
})
