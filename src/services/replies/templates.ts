import {validateTemplate} from '../../domain/template.js'
import {NotFoundError, ValidationError} from '../../errors.js'
import type {ReplyTemplate} from '../../store/replies.js'
import type {Store} from '../../store/store.js'

export async function addTemplate(
  store: Store,
  t: {name: string; body: string; unit?: string},
  opts: {actor: string; now: Date},
): Promise<ReplyTemplate> {
  const problems = validateTemplate(t.body)
  if (problems.length > 0) throw new ValidationError(`template ${t.name}: ${problems.join('; ')}`, {suggestion: 'board template add --help lists the variables'})
  let unitId: number | null = null
  if (t.unit) {
    const unit = await store.units.find(t.unit)
    if (!unit) throw new NotFoundError(`no unit ${t.unit}`)
    unitId = unit.id
  }
  return store.templates.add({name: t.name, body: t.body, unitId}, opts)
}

export async function getTemplate(store: Store, name: string): Promise<ReplyTemplate> {
  const t = await store.templates.get(name)
  if (!t) throw new NotFoundError(`no template ${name}`, {suggestion: 'board template list'})
  return t
}

export async function removeTemplate(store: Store, name: string, opts: {actor: string; now: Date}): Promise<{name: string; removed: boolean}> {
  return {name, removed: await store.templates.remove(name, opts)}
}
