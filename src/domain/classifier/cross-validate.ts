import {evaluate, type Evaluation, stratifiedFolds} from './metrics.js'
import {type Example, predict, train, type TrainOptions, DEFAULT_TRAIN} from './model.js'

/**
 * k-fold cross-validation on `data`; `extra` examples join every fold's training set, except those
 * whose title is also a title in the held-out fold: the TipDM title list repeats many message
 * titles, and keeping them would score memory, not generalisation.
 */
export function crossValidate(data: Example[], extra: Example[], opts: {folds: number; seed?: number; train?: TrainOptions}): Evaluation {
  const folds = stratifiedFolds(data.map((d) => d.label), opts.folds, opts.seed)
  const gold: string[] = []
  const predicted: string[] = []
  for (let f = 0; f < opts.folds; f++) {
    const test = data.filter((_, i) => folds[i] === f)
    const held = new Set(test.map((t) => t.title.trim()))
    const model = train([...data.filter((_, i) => folds[i] !== f), ...extra.filter((e) => !held.has(e.title.trim()))], opts.train ?? DEFAULT_TRAIN)
    for (const t of test) {
      gold.push(t.label)
      predicted.push(predict(model, t.title, t.body).label)
    }
  }
  return evaluate(gold, predicted)
}

/** Train on one set, score on another (a held-out file). */
export function holdOut(trainSet: Example[], testSet: Example[], opts: {train?: TrainOptions} = {}): Evaluation {
  const model = train(trainSet, opts.train ?? DEFAULT_TRAIN)
  return evaluate(testSet.map((t) => t.label), testSet.map((t) => predict(model, t.title, t.body).label))
}
