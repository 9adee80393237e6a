import type {Dialect} from '../sql/executor.js'
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
    // Built into SQLite since 3.47 (the percentile extension better-sqlite3 compiles in).
    percentile: (expr, fraction) => `percentile_cont(${expr}, ${Number(fraction)})`,
    statsGroupsFunction: STATS_GROUPS,
    tableExistsSql: "SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = ?",
    migrationSql: (m) => m.sqlite,
    catalog: {
      tablesSql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      columnsSql: 'SELECT name, pk FROM pragma_table_info(?) ORDER BY cid',
      foreignKeysSql: 'SELECT "from" AS "column", "table" AS ref FROM pragma_foreign_key_list(?)',
      // INTEGER PRIMARY KEY continues from max(rowid) by itself.
      resetIdentity: () => null,
    },
  }
}
