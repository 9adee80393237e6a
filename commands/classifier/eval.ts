import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {evalClassifier, type EvalResult} from '../../src/services/triage/classifier.js'

export type ClassifierEvalResult = EvalResult

export default class ClassifierEval extends BoardCommand<typeof ClassifierEval> {
  static override summary = 'Measure the classifier: per-category precision/recall/F1 and macro-F1'
  static override description = 'k-fold cross-validation on --from (default 5 folds), or train on --from and score on --test. Nothing is written to the store.'
  static override examples = [
    {description: 'Five-fold cross-validation, with the titles as extra training data', command: '<%= config.bin %> classifier eval --from labeled_messages.csv --also labeled_titles.csv --folds 5'},
    {description: 'Train on one file and score on a held-out one', command: '<%= config.bin %> classifier eval --from train.csv --test held-out.csv'},
  ]
  static override flags = {
    from: Flags.string({required: true, description: 'CSV of labeled messages (留言主题, 留言详情, 一级标签)'}),
    folds: Flags.integer({default: 5, min: 2, description: 'number of cross-validation folds'}),
    also: Flags.string({multiple: true, description: 'extra training data for every fold (e.g. labeled_titles.csv)'}),
    test: Flags.string({description: 'held-out CSV to score instead of cross-validating'}),
  }

  async run(): Promise<ClassifierEvalResult> {
    const r = await evalClassifier({from: this.flags.from, folds: this.flags.folds, also: this.flags.also ?? [], test: this.flags.test})
    const pct = (x: number) => x.toFixed(3)
    this.note(r.method)
    this.out(
      renderTable(r.classes, [
        {header: this.t('col.category'), value: (c) => c.label},
        {header: this.t('col.precision'), value: (c) => pct(c.precision)},
        {header: this.t('col.recall'), value: (c) => pct(c.recall)},
        {header: this.t('col.f1'), value: (c) => pct(c.f1)},
        {header: this.t('col.support'), value: (c) => c.support},
      ], {tty: this.tty, color: this.color}),
    )
    this.out(`macro-F1\t${pct(r.macroF1)}\naccuracy\t${pct(r.accuracy)}`)
    return r
  }
}
