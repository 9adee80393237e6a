import type {Case} from '../../domain/case.js'
import {NotFoundError, UsageError} from '../../errors.js'
import type {Store} from '../../store/store.js'

/** A case by internal id ("42") or by its export identity ("SOURCE/REF"). */
export async function findCase(store: Store, key: string): Promise<Case> {
  const slash = key.indexOf('/')
  let found: Case | undefined
  if (slash > 0) found = await store.cases.getByRef(key.slice(0, slash), key.slice(slash + 1))
  else if (/^\d+$/.test(key)) found = await store.cases.get(Number(key))
  else throw new UsageError(`"${key}" is not a case id`, 'use the id board list shows, or SOURCE/REF')
  if (!found) throw new NotFoundError(`no case ${key}`)
  return found
}
