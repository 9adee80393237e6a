import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {CatchUpResult} from '../../src/services/cases/search-index.js'
import type {ListResult} from '../../commands/list.js'
import {openStore} from '../../src/store/open.js'
import {runCommand} from '../helpers/run-command.js'
import {incoming} from '../replies/fixtures.js'

// `list --search` picks its order with --order: newest first by default, or by relevance. A small
// import indexes its cases before it returns; `db search-index` catches up with cases left waiting.
const CSV = [
  '留言编号,留言用户,留言主题,留言时间,留言详情,一级标签',
  '1,A1,小区噪音,2019-04-05 09:03:01,晚上噪音很大，噪音扰民。,城乡建设',
  '2,A2,路灯不亮,2019-04-07 20:15:00,路边工地有噪音。,交通运输',
  '3,A3,噪音,2019-04-06 20:15:00,夜间施工。,城乡建设',
  '4,A4,垃圾清运,2019-04-08 20:15:00,三天无人清运。,城乡建设',
].join('\n')

describe('board list --search --order', () => {
  let dir: string
  let store: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'board-list-search-'))
    store = join(dir, 'board.db')
    writeFileSync(join(dir, 'm.csv'), CSV)
    expect((await runCommand(['import', join(dir, 'm.csv'), '--source', 'web'], {store})).status).toBe(0)
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  const refs = async (args: string[]) => {
    const r = await runCommand(['list', ...args, '--json'], {store})
    expect(r.status, r.stderr).toBe(0)
    return (JSON.parse(r.stdout) as ListResult).map((c) => c.ref)
  }

  it('lists matches newest first by default, and by relevance when asked', async () => {
    expect(await refs(['--search', '噪音'])).toEqual(['2', '3', '1'])
    expect(await refs(['--search', '噪音', '--order', 'time'])).toEqual(['2', '3', '1'])
    // In the title first (the body saying it twice before once), then the body alone.
    expect(await refs(['--search', '噪音', '--order', 'relevance'])).toEqual(['1', '3', '2'])
    expect(await refs(['--search', '4', '--order', 'relevance'])).toEqual(['4'])
  })

  it('refuses --order without --search, naming the flag', async () => {
    const r = await runCommand(['list', '--order', 'relevance'], {store})
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--search')
  })
})

describe('board db search-index', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'board-db-index-'))
    writeFileSync(join(dir, 'm.csv'), CSV)
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('has nothing to do after a small import, which indexed its cases', async () => {
    const store = join(dir, 'small.db')
    const imported = await runCommand(['import', join(dir, 'm.csv'), '--source', 'web', '--json'], {store})
    expect(imported.status, imported.stderr).toBe(0)
    expect(JSON.parse(imported.stdout).searchWaiting).toBe(0)
    const r = await runCommand(['db', 'search-index', '--json'], {store})
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout) as CatchUpResult).toEqual({indexed: 0, waited: 0, left: 0, busy: false, interrupted: false})
  })

  it('indexes the cases waiting for it and says how many', async () => {
    const store = join(dir, 'waiting.db')
    const s = await openStore(store, {now: new Date()})
    await s.cases.importBatch(
      Array.from({length: 30}, (_, i) => incoming(String(i), {title: `烟道${i}`, body: '油烟倒灌'})),
      {actor: 'clerk', now: new Date()},
    )
    expect(await s.searchWaiting()).toBe(30)
    await s.close()
    const r = await runCommand(['db', 'search-index', '--json'], {store})
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({indexed: 30, waited: 30, left: 0, busy: false})
    expect(r.stderr).toMatch(/indexed 30 cases for search; 0 waiting/)
  })
})
