import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {renderCard} from '../../src/cli/triage-card.js'
import type {IncidentMessage} from '../../src/domain/incidents.js'
import {detectIncident} from '../../src/domain/incidents.js'
import type {IncomingCase} from '../../src/domain/case.js'
import {autoTriage} from '../../src/services/triage/auto.js'
import {loadTriageContext} from '../../src/services/triage/context.js'
import {suggestionsFor} from '../../src/services/triage/queue.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// Five citizens report the same burst water main within an hour, beside unrelated messages from the
// same area and a burst main elsewhere: board links the five as one incident, suggests collective
// with the linked messages as its reason (card and --auto), and they share the incident's deadline.

const t0 = Date.parse('2024-07-01T02:00:00Z') // Monday 10:00 Shanghai
const min = (m: number) => new Date(t0 + m * 60_000).toISOString()
type Msg = [ref: string, author: string, minute: number, region: string, title: string, body: string]
const BURST: Msg[] = [
  ['b1', '张先生', 0, '东城区', '幸福路与和平街交叉口水管爆裂', '幸福路和平街路口的自来水管爆裂了，大量自来水涌出，路面被淹'],
  ['b2', '李女士', 8, '东城区', '幸福路自来水管爆了', '幸福路和平街路口自来水管爆了，水流成河，车辆无法通行'],
  ['b3', '王大爷', 15, '东城区', '和平街路口爆管', '和平街与幸福路路口水管爆裂，水漫到小区门口了，请尽快抢修'],
  ['b4', '赵同学', 37, '东城区', '幸福路水管爆裂喷水', '幸福路上自来水管爆裂喷水，路上全是水，行人没法走'],
  ['b5', '孙师傅', 55, '东城区', '爆管求助', '幸福路和平街交叉口发生爆管，自来水喷出一米多高，请自来水公司尽快抢修'],
]
const UNRELATED: Msg[] = [
  ['u1', '周女士', 5, '东城区', '幸福路路灯不亮', '幸福路上的路灯已经坏了一个月，晚上出行不安全'],
  ['u2', '吴先生', 20, '东城区', '和平街噪音扰民', '和平街夜市噪音太大，影响居民休息，请尽快处理'],
  ['u3', '郑女士', 30, '东城区', '幸福路垃圾清运', '幸福路小区垃圾堆积多日无人清运，臭气熏天'],
  ['u4', '钱先生', 40, '东城区', '幸福路公交站牌', '幸福路公交站牌被撞坏了，希望相关部门尽快修复'],
  ['x1', '冯先生', 25, '西城区', '解放路水管爆裂', '解放路自来水管爆裂，大量自来水涌出'],
]
const asMessage = ([_ref, author, minute, region, title, body]: Msg, id: number): IncidentMessage => ({id, title, body, author, postedAt: min(minute), region})
const incoming = ([ref, author, minute, region, title, body]: Msg): IncomingCase => ({
  source: 'web', ref, title, body, author, contact: null, postedAt: min(minute), region, addressee: null, type: null,
  category: '城乡建设', likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
})

it('the five reports form one incident; unrelated messages from the same area and the other district do not join', () => {
  const all = [...BURST, ...UNRELATED].map((m, i) => asMessage(m, i + 1))
  const inc = detectIncident(all[4], all)
  expect(inc?.ids).toEqual([1, 2, 3, 4])
  expect(inc?.citizens).toBe(5)
  expect(inc?.reasons[0]).toMatch(/^incident: 5 citizens within 55 min at .*幸福路.*: #1 #2 #3 #4$/)
  for (const i of [5, 6, 7, 8, 9]) expect(detectIncident(all[i], all)).toBeNull()
  // Two citizens are not yet an incident (minCitizens 3).
  expect(detectIncident(all[1], all.slice(0, 2))).toBeNull()
})

describe.each(backendList)('collective incidents on $name', (backend) => {
  let store: Store
  const id = async (ref: string) => (await store.cases.getByRef('web', ref))!.id
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now: new Date(min(20))})
    await store.cases.importBatch([...BURST.slice(0, 3), ...UNRELATED].map(incoming), {actor: 'import', now: new Date(min(20))})
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('triage --auto flags the first reports collective with the linked messages as reason', async () => {
    const r = await autoTriage(store, {worker: 'w', actor: 'auto', now: () => new Date(min(20)), minConfidence: 0, dryRun: false})
    expect(r.items).toHaveLength(8)
    const byRef = new Map<string, (typeof r.items)[number]>()
    for (const item of r.items) {
      const c = (await store.cases.get(item.id))!
      byRef.set(c.ref, item)
    }
    for (const ref of ['b1', 'b2', 'b3']) {
      expect(byRef.get(ref)!.flags).toContain('collective')
      expect(byRef.get(ref)!.incident).toHaveLength(2)
      expect(byRef.get(ref)!.incidentReasons[0]).toMatch(/^incident: 3 citizens/)
    }
    for (const ref of ['u1', 'u2', 'u3', 'u4', 'x1']) {
      expect(byRef.get(ref)!.flags).not.toContain('collective')
      expect(byRef.get(ref)!.incident).toEqual([])
    }
  })

  it('later reports join the incident: the card says so, and they share its deadline', async () => {
    const first = (await store.cases.get(await id('b1')))!
    expect(first.resolveDueAt).toBe(new Date(Date.parse(min(20)) + 24 * 3_600_000).toISOString()) // utility + collective: 24 h
    await store.cases.importBatch(BURST.slice(3).map(incoming), {actor: 'import', now: new Date(min(60))})
    const ctx = await loadTriageContext(store)
    const b5 = (await store.cases.get(await id('b5')))!
    const s = await suggestionsFor(store, b5, ctx)
    expect(s.incident?.ids).toHaveLength(4)
    const card = renderCard(b5, s, {lang: 'zh', tz: 'Asia/Shanghai', now: new Date(min(60)), width: 120, remaining: 2})
    expect(card).toContain('群体性')
    expect(card).toMatch(/同一事件（.*幸福路.*）：55 分钟内 5 位市民：#\d+ #\d+ #\d+ #\d+/)
    await autoTriage(store, {worker: 'w', actor: 'auto', now: () => new Date(min(70)), minConfidence: 0, dryRun: false})
    for (const ref of ['b4', 'b5']) {
      const c = (await store.cases.get(await id(ref)))!
      expect(c.flags.collective).toBe(true)
      expect(c.resolveDueAt).toBe(first.resolveDueAt)
    }
  })
})
