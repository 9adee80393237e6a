import {afterAll, describe, expect, it} from 'vitest'

import {loadTriageContext} from '../../src/services/triage/context.js'
import {suggestionsFor} from '../../src/services/triage/queue.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {incoming as message} from '../replies/fixtures.js'

// Duplicate suggestions find a message posted again through the search index, however many other
// messages came in between; they used to look only at the 2,000 newest of the 30-day window.

const now = new Date('2024-03-01T02:00:00Z')
const day = 86_400_000
const incoming = (ref: string, title: string, body: string, postedMs: number, author: string | null = null) =>
  message(ref, {title, body, author, postedAt: new Date(postedMs).toISOString()})

describe.each(backendList)('duplicate suggestions through the index on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('suggests a repeat posted before 2,000 newer messages of the window', async () => {
    const store = await freshStore(backend)
    try {
      const t0 = Date.UTC(2024, 0, 10)
      const text = ['小区楼下烧烤店油烟扰民', '楼下烧烤店每天营业到凌晨两点，油烟从烟道倒灌进楼上住户家中，噪音也很大，多次投诉无果，请环保部门处理。']
      const rows = [
        incoming('dup', text[0], text[1] + '谢谢！', t0 - 2 * day, 'U1'),
        incoming('new', text[0], text[1], t0, 'U2'),
        ...Array.from({length: 2100}, (_, i) => incoming(`o${i}`, `道路${i}号路灯不亮`, `第${i}号路灯坏了半个月，晚上很黑。`, t0 + day + i * 60_000)),
      ]
      for (let i = 0; i < rows.length; i += 500) await store.cases.importBatch(rows.slice(i, i + 500), {actor: 'clerk', now})
      await store.catchUpSearch({batch: 1000})
      const [target] = await store.cases.list({search: 'new'})
      const [dup] = await store.cases.list({search: 'dup'})
      const s = await suggestionsFor(store, target, await loadTriageContext(store))
      expect(s.duplicates.map((d) => d.id)).toContain(dup.id)
      expect(s.duplicates.find((d) => d.id === dup.id)!.reasons.join(' ')).toMatch(/similar/)
    } finally {
      await store.close()
    }
  }, 60_000)
})
