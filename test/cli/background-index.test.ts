import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {INDEX_NOW_MAX} from '../../src/services/cases/search-index.js'
import {openStore} from '../../src/store/open.js'
import {boardAsync} from '../helpers/run-cli.js'

// An import of more cases than it indexes itself returns with them waiting and starts a catch-up
// in a process of its own (board db search-index, detached), which outlives it and indexes them; every
// search finds the waiting cases meanwhile.

describe('the catch-up a large import starts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'board-background-index-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('indexes the cases after the import returned; searches find them throughout', async () => {
    const rows = INDEX_NOW_MAX + 100
    const lines = ['留言编号,留言用户,留言主题,留言时间,留言详情,一级标签']
    for (let i = 1; i <= rows; i++) lines.push(`${i},A${i},${i % 1000 === 0 ? '烟道堵塞' : '路灯不亮'}${i},2019-04-05 09:03:01,第${i}号路灯坏了。,城乡建设`)
    writeFileSync(join(dir, 'm.csv'), lines.join('\n'))
    const store = join(dir, 'board.db')
    const r = await boardAsync(['import', join(dir, 'm.csv'), '--source', 'web', '--json'], {store})
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).searchWaiting).toBe(rows)
    expect(r.stderr).toContain(`${rows} cases are being indexed for search by a process of their own`)

    const s = await openStore(store, {now: new Date()})
    try {
      expect((await s.cases.list({search: '烟道'})).map((c) => c.ref).sort()).toEqual(['1000', '2000', '3000', '4000', '5000'])
      const deadline = Date.now() + 60_000
      while ((await s.searchWaiting()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
      expect(await s.searchWaiting()).toBe(0)
      expect((await s.cases.list({search: '烟道'})).map((c) => c.ref).sort()).toEqual(['1000', '2000', '3000', '4000', '5000'])
    } finally {
      await s.close()
    }
  }, 90_000)
})
