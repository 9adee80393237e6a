import type {Dialect} from '../sql/executor.js'
import {fts5Match} from '../sql/search-terms.js'
import {indexWritten} from './search-queue.js'
import {STATS_GROUPS} from './functions.js'

export function sqliteDialect(): Dialect {
  return {
    name: 'sqlite',
    supportsSkipLocked: false,
    ilike: 'LIKE',
    daysBetween: (from, to) => `(julianday(${to}) - julianday(${from}))`,
    instantParam: '?',
    // A LIMIT stops SQLite's subquery flattener.
    subqueryFence: 'LIMIT -1',
    indexedBy: (index) => ` INDEXED BY ${index}`,
    manyRowUpdates: 'per-row',
    eitherRange: 'union-all',
    // Built into SQLite since 3.47 (the percentile extension better-sqlite3 compiles in).
    percentile: (expr, fraction) => `percentile_cont(${expr}, ${Number(fraction)})`,
    statsGroupsFunction: STATS_GROUPS,
    search: {
      // A filter (the unary + keeps the id from driving the join): the time index leads.
      match: (q) => ({sql: `+c.id IN (${SEARCH_IDS})`, params: [fts5Match(q)]}),
      ids: (q) => ({sql: SEARCH_IDS, params: [fts5Match(q)]}),
      indexedIds: (q) => ({sql: INDEXED_IDS, params: [fts5Match(q)]}),
      planned: false,
      assignTerms: () => null,
      indexWritten,
    },
    tableExistsSql: "SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = ?",
    migrationSql: (m) => m.sqlite,
    catalog: {
      // Ordinary tables only, and not the search index's queue: the index is a virtual table over
      // shadow tables of its own, and the target's own triggers queue the cases copied in.
      tablesSql: `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
        AND name <> 'search_pending' ORDER BY name`,
      columnsSql: 'SELECT name, pk FROM pragma_table_info(?) ORDER BY cid',
      foreignKeysSql: 'SELECT "from" AS "column", "table" AS ref FROM pragma_foreign_key_list(?)',
      // INTEGER PRIMARY KEY continues from max(rowid) by itself.
      resetIdentity: () => null,
    },
  }
}

// Queued cases (search-queue.ts) are candidates until indexed.
const INDEXED_IDS = 'SELECT rowid AS id FROM cases_search WHERE cases_search MATCH ?'
const SEARCH_IDS = `${INDEXED_IDS} UNION SELECT case_id FROM search_pending`
