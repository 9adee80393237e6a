import type {RoutingRule} from '../../domain/routing.js'
import type {DoctorProbe} from '../doctor-check.js'

// What triage depends on: a classifier, and routing rules that name units that exist.
export const triageProbe: DoctorProbe = async ({store}) => {
  const model = (await store.classifier.list())[0]
  const units = new Set((await store.units.list()).map((u) => u.code))
  const rules = (await store.settings.get<RoutingRule[]>('routing.rules')) ?? []
  const missing = [...new Set(rules.map((r) => r.unit).filter((u) => !units.has(u)))]
  return [
    {
      area: 'triage',
      name: 'classifier',
      ok: Boolean(model),
      detail: model ? `model ${model.id}: ${model.trainedOn} examples, ${model.labels.length} categories, trained ${model.createdAt} by ${model.createdBy}` : 'no model: category suggestions are off',
      fix: model ? undefined : 'run board classifier train (from categorised cases) or board classifier train --from FILE',
      // Suggestions are optional: clerks triage without them. Only what stops the core job fails.
      warning: !model,
    },
    {
      area: 'triage',
      name: 'routing units',
      ok: missing.length === 0,
      detail: missing.length === 0 ? `${rules.length} rule(s), every unit exists` : `rules route to unknown unit(s): ${missing.join(', ')}`,
      fix: missing.length === 0 ? undefined : 'add the units (board unit add/import) or fix routing.rules',
    },
  ]
}
