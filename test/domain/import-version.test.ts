import {describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {importVersion} from '../../src/domain/import-decision.js'
import {createdEvent} from '../../src/store/sql/cases/import.js'

// A row's fingerprint may come worked out from the parse thread; the writer then takes it as given.

const row = (over: Partial<IncomingCase> = {}): IncomingCase => ({
  source: 's', ref: '98798', title: '标题', body: '正文', author: 'A0001', contact: null, postedAt: '2019-04-05T01:03:01.000Z',
  region: null, addressee: null, type: null, category: '城乡建设', likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null, ...over,
})

describe('importVersion', () => {
  it('is the one the row carries, when the parse thread worked it out', () => {
    expect(importVersion(row({importVersion: 'given'}))).toBe('given')
  })

  it('is worked out from the fields otherwise, the same whatever the row carried before', () => {
    const v = importVersion(row())
    expect(v).toMatch(/^[0-9a-z]{14}$/)
    expect(importVersion(row({importVersion: v}))).toBe(v)
    expect(importVersion(row({body: '另一个正文'}))).not.toBe(v)
  })
})

describe("an imported case's import.create event", () => {
  it.each([
    ['no flags', row()],
    ['flags all off', row({flags: {collective: false, urgent: false}})],
    ['some flags on', row({flags: {urgent: true, collective: true}})],
    ['a ref and source that need escaping', row({source: 'a"b\\c', ref: 'x\u0001"y', resolvedAt: '2019-04-06T00:00:00.000Z'})],
    ['a reply', row({reply: {body: '答复', sentAt: null}})],
  ])('%s: the JSON of where it came from and its status', (_, r) => {
    const status = r.resolvedAt ? 'closed' : r.reply ? 'replied' : 'new'
    const flags = Object.entries(r.flags ?? {}).filter(([, on]) => on).map(([k]) => k)
    expect(createdEvent(r)).toBe(JSON.stringify({source: r.source, ref: r.ref, status, ...(flags.length > 0 ? {flags} : {})}))
  })
})
