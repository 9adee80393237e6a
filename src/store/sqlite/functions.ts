import type Database from 'better-sqlite3'

import {caseTerms} from '../sql/search-terms.js'
import {finishGroups, type GroupsState, startGroups, stepGroups} from '../sql/stats/groups.js'

/** The name the dialect gives SqlStats (statsGroupsFunction). */
export const STATS_GROUPS = 'board_stats_groups'

/** board's own SQL functions, on every connection that may run its queries (main and read threads). */
export function registerFunctions(db: Database.Database): void {
  db.aggregate(STATS_GROUPS, {
    start: startGroups,
    step: ((state: GroupsState, facts: number, m0: number | null, m1: number | null, m2: number | null, m3: number | null, ...keys: unknown[]) =>
      stepGroups(state, facts, m0, m1, m2, m3, keys)) as never,
    result: finishGroups as never,
    varargs: true,
    deterministic: true,
  })
  // The search index's terms of a case (017-search-index.ts), for the statements that index queued cases.
  db.function(SEARCH_TERMS, {deterministic: true}, (title: unknown, body: unknown) => caseTerms(String(title ?? ''), String(body ?? '')))
}

export const SEARCH_TERMS = 'board_search_terms'
