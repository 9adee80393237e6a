import {afterAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {autoTriage} from '../../src/services/triage/auto.js'
import {runDoctor} from '../../src/services/doctor.js'
import '../../src/services/triage/doctor-probe.js'
import {train} from '../../src/domain/classifier/model.js'
import {serialise} from '../../src/domain/classifier/serialise.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {tip} from './tipdm-rows.js'

const now = new Date('2024-05-01T00:00:00Z')
const incoming = (ref: string): IncomingCase => {
  const r = tip(ref)
  return {source: 't', ref, title: r.title, body: r.body, author: r.author, contact: null, postedAt: new Date(r.postedAt).toISOString(), region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null}
}

describe.each(backendList)('autoTriage with routing rules and keywords on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('routes by rule, raises flags, respects the threshold; doctor reports the classifier and rule units', async () => {
    const store = await freshStore(backend)
    try {
      const o = {actor: 'admin', now}
      const model = train([
        {title: '停电停水', body: '小区经常停水停电', label: '城乡建设'},
        {title: '房屋质量', body: '小区房屋漏水', label: '城乡建设'},
        {title: '学校收费', body: '学校乱收补课费', label: '教育文体'},
        {title: '教师待遇', body: '乡村教师工资', label: '教育文体'},
      ], {features: {maxN: 2, titleWeight: 3, bodyChars: 800}, minDf: 1, maxFeatures: 10_000, epochs: 30, learningRate: 1, l2: 0, seed: 1})
      await store.classifier.save({trainedOn: 4, labels: model.labels, source: 'test', model: serialise(model)}, o)
      await store.settings.set('routing.rules', [{name: 'power', keywords: ['停电'], unit: 'l2-power'}, {category: '教育文体', unit: 'missing-unit'}], o)
      await store.settings.set('triage.keywords', {types: {help: ['无故停电']}}, o)
      let doctor = await runDoctor(store, now)
      expect(doctor.find((c) => c.name === 'routing units')).toMatchObject({ok: false, detail: 'rules route to unknown unit(s): l2-power, missing-unit'})
      await store.units.upsert({code: 'l2-power', name: 'L2县供电公司'}, o)
      // 130826: L2县铜鼎镇为何老是无故停电; 17675: 咨询A7县购房卷兑换事宜
      await store.cases.importBatch([incoming('130826'), incoming('17675')], {actor: 'import', now})

      const strict = await autoTriage(store, {worker: 'w', actor: 'cron', now: () => now, minConfidence: 1, dryRun: false})
      expect([strict.examined, strict.leftForPeople, strict.triaged + strict.assigned]).toEqual([2, 2, 0])
      expect(await store.cases.count({status: ['new']})).toBe(2)

      const r = await autoTriage(store, {worker: 'w', actor: 'cron', now: () => now, minConfidence: 0.6, dryRun: false})
      const power = r.items.find((i) => i.title.includes('停电'))!
      expect(power).toMatchObject({unit: 'l2-power', type: 'help', flags: ['utility'], outcome: 'assigned'})
      const stored = (await store.cases.getByRef('t', '130826'))!
      expect(stored).toMatchObject({status: 'assigned', unit: 'L2县供电公司', type: 'help', category: '城乡建设'})
      expect(stored.flags.utility).toBe(true)
      expect((await store.events.forCase(stored.id)).filter((e) => e.action !== 'sla.deadline').at(-1)).toMatchObject({action: 'triage', actor: 'cron'})
      expect(r.examined).toBe(2)
      expect(r.triaged + r.assigned + r.leftForPeople).toBe(2)

      doctor = await runDoctor(store, now)
      expect(doctor.find((c) => c.name === 'classifier')!.ok).toBe(true)
    } finally {
      await store.close()
    }
  })
})
