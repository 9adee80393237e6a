import type {Case} from '../../domain/case.js'
import {type ReplyPolicy, type ReplyRules, rulesFor} from '../../domain/reply-policy.js'
import type {Store} from '../../store/store.js'

/** The reply rules that apply to a case: its unit's, inherited up the unit hierarchy. */
export async function replyRulesFor(store: Store, c: Case): Promise<ReplyRules> {
  return (await rulesResolver(store))(c)
}

/** For bulk work: reads the policy once and each unit's chain once. */
export async function rulesResolver(store: Store): Promise<(c: Case) => Promise<ReplyRules>> {
  const policy = await store.settings.get<ReplyPolicy>('reply.policy')
  const byUnit = new Map<number | null, ReplyRules>()
  return async (c) => {
    let rules = byUnit.get(c.unitId)
    if (!rules) {
      rules = rulesFor(policy, await unitChain(store, c.unitId))
      byUnit.set(c.unitId, rules)
    }
    return rules
  }
}

/** Unit codes from the case's unit up to the root. */
export async function unitChain(store: Store, unitId: number | null): Promise<string[]> {
  const chain: string[] = []
  const seen = new Set<number>()
  let id = unitId
  while (id !== null && !seen.has(id)) {
    seen.add(id)
    const u = await store.units.get(id)
    if (!u) break
    chain.push(u.code)
    id = u.parentId
  }
  return chain
}
