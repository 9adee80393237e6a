import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import type {Case} from '../../src/domain/case.js'
import type {Store} from '../../src/store/store.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {exportText, FIXTURES, importInto, SAMPLE, scratch} from './import-helpers.js'

// Open311 (GeoReport v2) export: the fields mean what the specification says, the shapes are
// those of its own example, and board reads its own export back without loss.

const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情,一级标签,答复意见,答复时间'
const HAND_ROWS = [
  HEADER,
  'h1,U1,路灯不亮,2019-04-05 09:03:01,小区路灯坏了一个月。,城乡建设,,', // open, categorised
  'h2,U2,噪音扰民,2019-04-06 10:00:00,夜间施工噪音。,环境保护,已责成施工方整改。,2019-04-08 16:30:00', // replied
  'h3,U3,没有分类的留言,2019-04-07 11:00:00,正文在此。,,,', // no category
  'h4,U4,只有标题,2019-04-07 12:00:00,,交通运输,,', // no body
  'h5,U5,标题重复,2019-04-07 13:00:00,标题重复：正文以标题开头。,交通运输,,', // body starts with its title
  'h6,U6,多段正文,2019-04-07 14:00:00,"第一段。\n\n第二段。",交通运输,答复。,2019-04-09 09:00:00',
]

const spec = JSON.parse(readFileSync(join(FIXTURES, 'georeport-v2-requests.json'), 'utf8')) as Record<string, unknown>[]
const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/

const KEPT = ['title', 'body', 'category', 'status', 'postedAt', 'respondedAt', 'resolvedAt', 'type', 'addressee', 'region'] as const

async function allCases(store: Store): Promise<Map<string, Case>> {
  return new Map((await store.cases.list({})).map((c) => [c.ref, c]))
}

describe.each(backendList)('Open311 export on $name', (backend) => {
  afterAll(() => backend.cleanup())
  const files = scratch()

  async function seeded(): Promise<Store> {
    const store = await freshStore(backend)
    const r = await importInto(store, [join(SAMPLE, 'messages.csv'), files.file('hand.csv', HAND_ROWS.join('\n') + '\n')])
    expect(r.files.map((f) => f.rejected)).toEqual([0, 0])
    // A case closed in board, with a reply sent from board after the imported one.
    const h1 = (await store.cases.getByRef('sample', 'h1'))!
    await store.cases.change(h1.id, {status: 'closed', resolvedAt: '2019-04-10T02:00:00.000Z', respondedAt: '2019-04-09T02:00:00.000Z'}, {actor: 'clerk', now: new Date('2024-03-02T00:00:00Z'), action: 'close'})
    return store
  }

  it('round trip: export, import into a fresh store, and every case keeps its title, body, category, status, reply and times', async () => {
    const store = await seeded()
    const exported = files.file(`export-${backend.name}.json`, await exportText(store))
    const copy = await freshStore(backend)
    const r = await importInto(copy, [exported], {format: 'open311'})
    const before = await allCases(store)
    expect(r.files[0]).toMatchObject({read: before.size, inserted: before.size - 0, rejected: 0})
    const after = await allCases(copy)
    expect(after.size).toBe(before.size)
    for (const [ref, c] of before) {
      const d = after.get(ref)!
      const [replyBefore, replyAfter] = [await store.cases.publishedReplies([c.id]), await copy.cases.publishedReplies([d.id])]
      expect(replyAfter.get(d.id) ?? null).toEqual(replyBefore.get(c.id) ?? null)
      // An import knows a respond time only as its reply's: h1, accepted and closed in board
      // without a reply, comes back closed at the same time, with no respond time.
      for (const k of KEPT) if (k !== 'respondedAt' || replyBefore.has(c.id)) expect([ref, k, d[k]]).toEqual([ref, k, c[k]])
    }
    // Re-importing the same export changes nothing.
    const again = await importInto(copy, [exported], {format: 'open311'})
    expect(again.files[0]).toMatchObject({inserted: 0, updated: 0, unchanged: before.size})
    await store.close()
    await copy.close()
  })

  it('follows GeoReport v2: category as service_name/code, title with the text, reply as status_notes, replied is closed, last change', async () => {
    const store = await seeded()
    const requests = JSON.parse(await exportText(store)) as {service_request_id: string; description: string; [k: string]: unknown}[]
    const byId = new Map(requests.map((r) => [r.service_request_id as string, r]))
    expect(byId.get('h2')).toMatchObject({
      service_name: '环境保护', service_code: '环境保护', status: 'closed', status_notes: '已责成施工方整改。',
      description: '噪音扰民\n\n夜间施工噪音。', requested_datetime: '2019-04-06T10:00:00+08:00', updated_datetime: '2019-04-08T16:30:00+08:00',
    })
    // An open case untouched since its import was last changed when it was posted, not imported.
    expect(byId.get('h5')).toMatchObject({status: 'open', status_notes: null, description: '标题重复：正文以标题开头。', updated_datetime: '2019-04-07T13:00:00+08:00'})
    expect(byId.get('h3')).toMatchObject({service_name: null, service_code: null, description: '没有分类的留言\n\n正文在此。'})
    expect(byId.get('h1')).toMatchObject({status: 'closed', updated_datetime: '2019-04-10T10:00:00+08:00'})
    // Every title of a categorised case is in the export.
    for (const c of (await allCases(store)).values()) expect(byId.get(c.ref)!.description.startsWith(c.title) || byId.get(c.ref)!.description === c.body).toBe(true)
    await store.close()
  })

  it('has the shapes of the specification\'s example response: the same fields, each a string, number or null as there', async () => {
    const store = await seeded()
    const requests = JSON.parse(await exportText(store)) as Record<string, unknown>[]
    const specKeys = Object.keys(spec[0]).sort()
    const kind = (v: unknown) => (v === null ? 'null' : typeof v)
    for (const r of requests) {
      const {extended_attributes: ext, ...standard} = r
      expect(Object.keys(standard).sort()).toEqual(specKeys)
      expect(ext).toBeTypeOf('object')
      for (const k of specKeys) {
        const allowed = new Set(['null', ...spec.map((s) => kind(s[k]))])
        // ids are strings in board (the example's numbers are ids all the same); the example leaves the texts null
        if (['service_request_id', 'address_id', 'zipcode', 'description', 'agency_responsible', 'service_notice'].includes(k)) allowed.add('string')
        expect([k, allowed.has(kind(r[k]))]).toEqual([k, true])
      }
      expect(['open', 'closed']).toContain(r.status)
      for (const k of ['requested_datetime', 'updated_datetime']) expect(r[k]).toMatch(W3C)
      if (r.expected_datetime !== null) expect(r.expected_datetime).toMatch(W3C)
    }
    await store.close()
  })

  it('imports the specification\'s example: service name as title and category, a closed request\'s notes as its reply', async () => {
    const store = await freshStore(backend)
    const r = await importInto(store, [join(FIXTURES, 'georeport-v2-requests.json')], {format: 'open311', source: 'spec'})
    expect(r.files[0]).toMatchObject({read: 2, inserted: 2, rejected: 0})
    const closed = (await store.cases.getByRef('spec', '638344'))!
    expect(closed).toMatchObject({title: 'Sidewalk and Curb Issues', category: 'Sidewalk and Curb Issues', status: 'closed', postedAt: '2010-04-14T14:37:38.000Z', region: '8TH AVE and JUDAH ST'})
    expect((await store.cases.publishedReplies([closed.id])).get(closed.id)?.body).toBe('Duplicate request.')
    expect((await store.cases.getByRef('spec', '638349'))).toMatchObject({status: 'new', respondedAt: null, resolvedAt: null})
    await store.close()
  })
})
