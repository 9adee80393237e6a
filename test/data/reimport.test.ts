import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import type {Store} from '../../src/store/store.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {importInto, SAMPLE, scratch} from './import-helpers.js'

// Re-imports change nothing, in any order, and two files of one source that disagree settle:
// a row applies only when it is a version of its message the case has not been given before.

const PAIR = [join(SAMPLE, 'messages.csv'), join(SAMPLE, 'new-messages.csv')]
const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情,点赞数,答复意见,答复时间'

/** What a re-import must leave alone: every case's version and every event. */
async function footprint(store: Store): Promise<{events: number; versions: string}> {
  const cases = await store.cases.list({})
  return {events: await store.tables.count('events'), versions: cases.map((c) => `${c.ref}:${c.version}`).sort().join(',')}
}

describe.each(backendList)('re-import on $name', (backend) => {
  afterAll(() => backend.cleanup())
  const files = scratch()

  it('the bundled pair, run again in either order, changes nothing (no updates, no events, no new case versions)', async () => {
    const store = await freshStore(backend)
    const first = await importInto(store, PAIR)
    expect(first.files.map((f) => f.rejected)).toEqual([0, 0])
    const settled = await footprint(store)
    for (const order of [PAIR, [...PAIR].reverse(), PAIR]) {
      const again = await importInto(store, order)
      expect(again.files.map((f) => [f.inserted, f.updated])).toEqual([[0, 0], [0, 0]])
      expect(await footprint(store)).toEqual(settled)
    }
    await store.close()
  })

  it('two files sharing refs: the same message settles on the version imported last; a different message under a reused ref is a conflict, never applied', async () => {
    const a = files.file('a.csv', [HEADER, 's1,U1,同一留言,2019-04-05 09:03:01,正文,3,,', 's2,U2,甲留言,2019-04-05 10:00:00,甲的正文,0,,', 's3,U3,只在甲,2019-04-06 10:00:00,正文,0,,'].join('\n') + '\n')
    const b = files.file('b.csv', [HEADER, 's1,U1x,同一留言,2019-04-05 09:03:01,正文,5,已答复。,2019-04-08 09:00:00', 's2,U9,另一条留言,2019-05-01 08:00:00,乙的正文,0,,'].join('\n') + '\n')
    const store = await freshStore(backend)
    const ab = await importInto(store, [a, b], {source: 'pair'})
    expect(ab.files[1]).toMatchObject({inserted: 0, updated: 1, conflicts: 1})
    const s1 = async () => (await store.cases.getByRef('pair', 's1'))!
    expect(await s1()).toMatchObject({author: 'U1x', likes: 5, status: 'replied'})
    const settled = await footprint(store)
    for (const order of [[a], [b], [b, a], [a, b]]) {
      const again = await importInto(store, order, {source: 'pair'})
      for (const f of again.files) expect(f).toMatchObject({inserted: 0, updated: 0})
      expect(await footprint(store)).toEqual(settled)
    }
    // b's version holds; s2 keeps a's message (b's s2 is another message reusing the ref).
    expect(await s1()).toMatchObject({author: 'U1x', likes: 5})
    expect((await store.cases.getByRef('pair', 's2'))!).toMatchObject({title: '甲留言', author: 'U2'})
    // Something new about s1 still applies.
    const c = files.file('c.csv', [HEADER, 's1,U1x,同一留言,2019-04-05 09:03:01,正文,9,已答复。,2019-04-08 09:00:00'].join('\n') + '\n')
    expect((await importInto(store, [c], {source: 'pair'})).files[0]).toMatchObject({updated: 1})
    expect(await s1()).toMatchObject({likes: 9})
    await store.close()
  })

  it('a clerk\'s correction stays when the same file is imported again', async () => {
    const store = await freshStore(backend)
    const file = files.file('categorised.csv', ['留言编号,留言主题,留言时间,留言详情,一级标签', 'k1,路灯不亮,2019-04-05 09:03:01,正文,城乡建设'].join('\n') + '\n')
    await importInto(store, [file])
    const c = (await store.cases.getByRef('sample', 'k1'))!
    await store.cases.change(c.id, {category: '交通运输'}, {actor: 'clerk', now: new Date('2024-03-02T00:00:00Z'), action: 'triage'})
    const again = await importInto(store, [file])
    expect(again.files[0]).toMatchObject({inserted: 0, updated: 0})
    expect((await store.cases.get(c.id))!.category).toBe('交通运输')
    await store.close()
  })

  it('a case stored before versions were kept: the first re-import remembers its row without an event, and a disagreeing file then settles', async () => {
    const store = await freshStore(backend)
    await importInto(store, PAIR)
    const cases = await store.tables.list()
    const table = cases.find((t) => t.name === 'cases')!
    for (const c of await store.cases.list({})) await store.tables.setColumn(table, 'import_versions', c.id, null)
    const before = await footprint(store)
    const first = await importInto(store, [PAIR[1]])
    expect(first.files[0]).toMatchObject({inserted: 0, updated: 0})
    expect(await footprint(store)).toEqual(before)
    // messages.csv disagrees with new-messages.csv on five cases: applied once, then settled.
    const older = await importInto(store, [PAIR[0]])
    expect(older.files[0].updated).toBeGreaterThan(0)
    const settled = await footprint(store)
    for (const order of [PAIR, [...PAIR].reverse()]) {
      await importInto(store, order)
      expect(await footprint(store)).toEqual(settled)
    }
    await store.close()
  })
})
