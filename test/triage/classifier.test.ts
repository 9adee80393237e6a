import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {evaluate, stratifiedFolds} from '../../src/domain/classifier/metrics.js'
import {predict, train} from '../../src/domain/classifier/model.js'
import {deserialise, serialise} from '../../src/domain/classifier/serialise.js'
import {loadClassifier, readExamples} from '../../src/services/triage/classifier.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {TIPDM} from './tipdm-rows.js'

const messages = await readExamples(join(TIPDM, 'labeled_messages.csv'))
const titles = await readExamples(join(TIPDM, 'labeled_titles.csv'))

// One fixed fold of labeled_messages held out; titles that repeat a held-out title are dropped
// from training so the score is about unseen messages. Measured 0.924 macro-F1 on this split
// (5-fold CV: 0.913); the threshold leaves room for harmless changes in training order.
const fold = stratifiedFolds(messages.map((m) => m.label), 5, 1)
const test = messages.filter((_, i) => fold[i] === 0)
const held = new Set(test.map((t) => t.title.trim()))
const trainSet = [...messages.filter((_, i) => fold[i] !== 0), ...titles.filter((t) => !held.has(t.title.trim()))]
const model = train(trainSet)

describe('category classifier on TipDM messages', () => {
  it('reaches macro-F1 ≥ 0.87 on a held-out fold of labeled_messages.csv', () => {
    const e = evaluate(test.map((t) => t.label), test.map((t) => predict(model, t.title, t.body).label))
    console.log(`held-out macro-F1 ${e.macroF1.toFixed(4)} accuracy ${e.accuracy.toFixed(4)} n=${e.n}`)
    expect(e.macroF1).toBeGreaterThanOrEqual(0.87)
    expect(e.classes).toHaveLength(7)
  })

  it('explains a prediction with n-grams from the message and a probability', () => {
    const p = predict(model, '关于A7县康桥长郡房屋存在质量问题的报告', '小区房屋墙体开裂，开发商拒不维修。', {reasons: 3})
    expect(p.label).toBe('城乡建设')
    expect(p.confidence).toBeGreaterThan(0.5)
    expect(p.ranking.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 5)
    expect(p.reasons).toHaveLength(3)
    for (const r of p.reasons) expect('关于A7县康桥长郡房屋存在质量问题的报告小区房屋墙体开裂开发商拒不维修'.toLowerCase()).toContain(r)
  })

  it('survives serialisation unchanged', () => {
    const back = deserialise(serialise(model))
    for (const t of test.slice(0, 20)) expect(predict(back, t.title, t.body)).toEqual(predict(model, t.title, t.body))
  })
})

describe.each(backendList)('classifier models in the store on $name', (backend) => {
  afterAll(() => backend.cleanup())
  it('the newest saved model is the one loaded; only the last 3 are kept', async () => {
    const store = await freshStore(backend)
    try {
      expect(await loadClassifier(store)).toBeUndefined()
      const small = train(messages.slice(0, 200))
      for (let i = 0; i < 4; i++) await store.classifier.save({trainedOn: 200 + i, labels: small.labels, source: 'test', model: serialise(small)}, {actor: 't', now: new Date('2024-01-01T00:00:00Z')})
      const infos = await store.classifier.list()
      expect(infos.map((m) => m.trainedOn)).toEqual([203, 202, 201])
      const loaded = await loadClassifier(store)
      expect(predict(loaded!, test[0].title, test[0].body)).toEqual(predict(small, test[0].title, test[0].body))
      expect((await store.events.recent({limit: 10, action: 'classifier.train'})).length).toBe(4)
    } finally {
      await store.close()
    }
  })
})
