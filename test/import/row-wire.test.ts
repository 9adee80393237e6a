import v8 from 'node:v8'
import {describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {fromWire, toWire} from '../../src/import/thread/row-wire.js'

// Rows cross from the parse thread as arrays (row-wire.ts): what arrives must be the row that left.

const row = (over: Partial<IncomingCase>): IncomingCase => ({
  source: 's', ref: '98798', title: '标题', body: '正文\n第二行', author: 'A0001', contact: '13800000000', postedAt: '2019-04-05T01:03:01.000Z',
  region: '芙蓉区', addressee: '市长', type: 'complaint', category: '城乡建设', likes: 3, dislikes: 0,
  reply: {body: '已转交', sentAt: '2019-04-06T01:00:00.000Z'}, resolvedAt: '2019-04-07T01:00:00.000Z', extra: {note: 'x'}, ...over,
})

describe('rows on the wire from the parse thread', () => {
  it.each([
    ['every field set', row({})],
    ['no reply, nulls and empty text', row({reply: null, author: null, contact: null, region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, resolvedAt: null, extra: null, title: ''})],
    ['a reply without a time', row({reply: {body: '答复', sentAt: null}})],
    ['an empty reply text', row({reply: {body: '', sentAt: null}})],
    ['its fingerprint worked out on the parse thread', row({importVersion: '0abc1230xyz7890'})],
  ])('%s: the same row after a structured clone', (_, r) => {
    const arrived = fromWire(v8.deserialize(v8.serialize(toWire(42, r))) as unknown[])
    expect(arrived.line).toBe(42)
    expect(arrived.row).toStrictEqual(r)
  })
})
