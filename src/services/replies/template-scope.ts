import type {Store} from '../../store/store.js'
import {unitChain} from './rules.js'


/** True when the case's unit is the template's unit or lies below it. */
export async function unitChainIncludes(store: Store, caseUnitId: number | null, templateUnitId: number): Promise<boolean> {
  const unit = await store.units.get(templateUnitId)
  return unit !== undefined && (await unitChain(store, caseUnitId)).includes(unit.code)
}
