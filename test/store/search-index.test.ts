import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Case, IncomingCase} from '../../src/domain/case.js'
import {RELEVANCE_WINDOW} from '../../src/store/sql/case-search.js'
import type {Store} from '../../src/store/store.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {incoming as message} from '../replies/fixtures.js'

// `--search` served by the index must give exactly the cases the substring scan gives: a
// substring of title or body (letters in either case), or the exact ref. The texts use ASCII
// letters and CJK only where case matters, so one reference fits both backends' matching. Each
// answer is checked while the cases wait to be indexed (an import leaves them so) and after.

const now = new Date('2024-03-01T02:00:00Z')
const actor = {actor: 'clerk', now}

const MESSAGES: [string, string][] = [
  ['小区烟道堵塞', '楼下餐馆的油烟从烟道倒灌进我家，气味很大。'],
  ['夜间施工噪音扰民', '工地晚上十一点以后还在施工，噪音很大，影响休息。'],
  ['孩子学籍问题', '孩子转学后学籍一直没有转过来，请教育局帮忙。'],
  ['油烟扰民', '楼下烧烤店油烟扰民，多次投诉无果。'],
  ['Water pipe LEAK', 'The water pipe on Road 3 leaks; 水管漏水 since 2019-05-01.'],
  ['停车收费', '物业违规收取停车费 100% 不合理，收费标准_不透明。'],
  ['路灯不亮', '某某路的路灯坏了半个月，晚上很黑。\n请尽快修理。'],
  ['烟', '道'],
  ['问 题', '这是一个 问题，也是一个问题。'],
  ['GPS定位', '公交车GPS定位不准，app 显示错误。'],
  ['学校', '学 籍'],
  ['', '烟道'],
]

const QUERIES = [
  '烟道', '噪音', '学籍', '油烟扰民', '烟', '道', '噪', '问题', '问 题', ' 题', '一个 问题', '扰民', '倒灌进我家',
  'water', 'WATER PIPE', 'pipe on', 'leak', 'gps', 'app 显示', '2019-05', '100%', '_不', '%', '_', '3;', 'e',
  'R0007', 'R0012', '不存在的词', '鲸鱼', 'x', '。', '\n', '收费标准_不透明',
]

const incoming = (i: number, title: string, body: string, over: Partial<IncomingCase> = {}): IncomingCase =>
  message(`R${String(i).padStart(4, '0')}`, {title, body, author: `U${i}`, postedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(), ...over})

/** The meaning of --search, in JS: what the scan returned, newest first. */
function scan(cases: Case[], q: string): number[] {
  const lq = q.toLowerCase()
  return cases
    .filter((c) => c.title.toLowerCase().includes(lq) || c.body.toLowerCase().includes(lq) || c.ref === q)
    .sort((a, b) => b.postedAt.localeCompare(a.postedAt) || b.id - a.id)
    .map((c) => c.id)
}

/** The same answers with the store's waiting cases unindexed, then indexed. */
async function expectSameAsScanBeforeAndAfterIndexing(store: Store, queries = QUERIES) {
  expect(await store.searchWaiting()).toBeGreaterThan(0)
  await expectSameAsScan(store, queries)
  expect((await store.catchUpSearch({batch: 3})).busy).toBe(false)
  expect(await store.searchWaiting()).toBe(0)
  await expectSameAsScan(store, queries)
}

async function expectSameAsScan(store: Store, queries = QUERIES) {
  const all = await store.cases.list({})
  for (const q of queries) {
    const expected = scan(all, q)
    expect((await store.cases.list({search: q})).map((c) => c.id), `search ${JSON.stringify(q)}`).toEqual(expected)
    expect(await store.cases.count({search: q}), `count ${JSON.stringify(q)}`).toBe(expected.length)
    const ranked = (await store.cases.list({search: q, order: 'relevance'})).map((c) => c.id)
    expect([...ranked].sort((a, b) => a - b), `relevance ${JSON.stringify(q)}`).toEqual([...expected].sort((a, b) => a - b))
  }
}

describe.each(backendList)('search index on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await freshStore(backend)
  })
  afterAll(async () => {
    await store.close()
    await backend.cleanup()
  })

  it('gives the cases the substring scan gives: 1- and 2-character words, phrases, Latin text, refs', async () => {
    await store.cases.importBatch(MESSAGES.map(([t, b], i) => incoming(i + 1, t, b)), actor)
    await expectSameAsScanBeforeAndAfterIndexing(store)
  })

  it('follows edits of title and body', async () => {
    const [c] = await store.cases.list({search: '学籍问题'})
    await store.cases.change(c.id, {title: '转学手续', body: '鲸鱼 Whale 咨询'}, {actor: 'clerk', now, action: 'edit'})
    expect(await store.searchWaiting(), 'an edit indexes its case').toBe(0)
    expect((await store.cases.list({search: '学籍问题'})).map((x) => x.id)).toEqual([])
    expect((await store.cases.list({search: '鲸鱼'})).map((x) => x.id)).toEqual([c.id])
    expect((await store.cases.list({search: 'whale'})).map((x) => x.id)).toEqual([c.id])
    await expectSameAsScan(store)
  })

  it('follows a re-import that changes a message, and new cases imported in bulk', async () => {
    await store.cases.importBatch([incoming(2, '夜间施工', '工地晚上施工，吵得睡不着。鲸鱼')], actor)
    expect((await store.cases.list({search: '噪音扰民'})).map((x) => x.ref)).toEqual([])
    await expectSameAsScanBeforeAndAfterIndexing(store, ['噪音扰民', '鲸鱼', '夜间施工', '睡不着'])
    const end = await store.bulkLoad(1_000_000)
    await store.cases.importBatch(
      [incoming(20, '新的烟道问题', '烟道漏烟'), incoming(21, 'Noise at night', '噪音 noise'), incoming(2, '夜间施工噪音', '又吵又闹')],
      actor,
    )
    await end()
    expect((await store.cases.list({search: '烟道'})).map((x) => x.ref)).toContain('R0020')
    await expectSameAsScanBeforeAndAfterIndexing(store, [...QUERIES, 'noise', '噪音', '夜间施工噪音', 'R0021'])
  })

  it('ranks by relevance: the ref, then the title, then how often the body has it', async () => {
    const ranked = (await store.cases.list({search: '烟道', order: 'relevance'})).map((c) => c.ref)
    const titled = (await store.cases.list({search: '烟道'})).filter((c) => c.title.includes('烟道')).map((c) => c.ref)
    expect(ranked.slice(0, titled.length).sort()).toEqual([...titled].sort())
  })
})

describe.each(backendList)('search index with many candidates on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('pages through a common word newest first, as the scan does', async () => {
    const store = await freshStore(backend)
    try {
      const rows = Array.from({length: 6200}, (_, i) =>
        incoming(i + 1, i % 3 === 0 ? '小区问题' : '道路', i % 7 === 0 ? '反映一个问题' : '反映情况', {postedAt: new Date(Date.UTC(2020, 0, 1) + (i * 7919 % 6200) * 3_600_000).toISOString()}),
      )
      for (let i = 0; i < rows.length; i += 1000) await store.cases.importBatch(rows.slice(i, i + 1000), actor)
      const all = await store.cases.list({})
      // Unindexed, a part indexed (the catch-up stopped after its first batch), all indexed.
      for (const stop of [0, 1, Infinity]) {
        if (stop > 0) await store.catchUpSearch({batch: 2500, onBatch: () => stop === Infinity})
        expect(await store.searchWaiting()).toBe(stop === 0 ? 6200 : stop === 1 ? 3700 : 0)
        for (const q of ['问题', '反映', '小区问题', '问', 'R0042', '道路问']) {
          const expected = scan(all, q)
          expect((await store.cases.list({search: q, limit: 20})).map((c) => c.id), q).toEqual(expected.slice(0, 20))
          expect((await store.cases.list({search: q, limit: 20, offset: 40})).map((c) => c.id), q).toEqual(expected.slice(40, 60))
          expect(await store.cases.count({search: q}), q).toBe(expected.length)
        }
      }
      // By relevance, a word in every body ranks its newest RELEVANCE_WINDOW matches: here the
      // shorter body (反映情况) before the longer, each newest first.
      const byId = new Map(all.map((c) => [c.id, c]))
      const window = scan(all, '反映').slice(0, RELEVANCE_WINDOW)
      const expected = [...window].sort((a, b) => byId.get(a)!.body.length - byId.get(b)!.body.length)
      for (const offset of [10, RELEVANCE_WINDOW - 10]) {
        const page = await store.cases.list({search: '反映', order: 'relevance', limit: 20, offset})
        expect(page.map((c) => c.id), `offset ${offset}`).toEqual(expected.slice(offset, offset + 20))
      }
    } finally {
      await store.close()
    }
  }, 60_000)
})
