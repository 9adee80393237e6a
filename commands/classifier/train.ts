import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {trainClassifier, type TrainResult} from '../../src/services/triage/classifier.js'

export type ClassifierTrainResult = TrainResult

export default class ClassifierTrain extends BoardCommand<typeof ClassifierTrain> {
  static override summary = 'Train the category classifier and keep it in the store'
  static override description = 'Learns from cases already categorised in the store, or from CSV files (留言主题, 留言详情, 一级标签). Every clerk of the store then gets suggestions from this model.'
  static override examples = [
    {description: 'Learn from the cases already categorised in the store', command: '<%= config.bin %> classifier train'},
    {description: 'Learn from labeled CSV files', command: '<%= config.bin %> classifier train --from labeled_messages.csv --from labeled_titles.csv'},
  ]
  static override flags = {from: Flags.string({multiple: true, description: 'CSV of labeled messages (repeatable); default: categorised cases in the store'})}

  async run(): Promise<ClassifierTrainResult> {
    const r = await trainClassifier(await this.store(), {files: this.flags.from ?? [], actor: await this.actor(), now: this.now()})
    this.note(`model ${r.id}: ${r.trainedOn} examples, ${r.labels.length} categories, trained in ${r.seconds.toFixed(1)} s`)
    return r
  }
}
