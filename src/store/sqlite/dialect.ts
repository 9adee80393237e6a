import {tzOffset} from '@date-fns/tz/tzOffset'
import type {Dialect} from '../sql/executor.js'

// Stored timestamps are UTC ISO text; shifting by the zone's offset with SQLite's modifiers is only
// right for zones without DST (Asia/Shanghai), so other zones get their offset from the caller.
export function sqliteDialect(): Dialect {
  return {
    name: 'sqlite',
    supportsSkipLocked: false,
    ilike: 'LIKE',
    datePart(part, column, tz) {
      // The modifier inside strftime: one parse per row instead of two (statistics scan millions).
      const local = `${column}, '${offsetModifier(tz)}'`
      switch (part) {
        case 'year':
          return `strftime('%Y', ${local})`
        case 'month':
          return `strftime('%Y-%m', ${local})`
        case 'day':
          return `strftime('%Y-%m-%d', ${local})`
        case 'quarter':
          return `(strftime('%Y', ${local}) || '-Q' || ((CAST(strftime('%m', ${local}) AS INTEGER) + 2) / 3))`
      }
    },
    daysBetween: (from, to) => `(julianday(${to}) - julianday(${from}))`,
    dayNumber: (column) => `julianday(${column})`,
    // A LIMIT stops SQLite's subquery flattener.
    subqueryFence: 'LIMIT -1',
    // Built into SQLite since 3.47 (the percentile extension better-sqlite3 compiles in).
    percentile: (expr, fraction) => `percentile_cont(${expr}, ${Number(fraction)})`,
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

function offsetModifier(tz: string): string {
  const minutes = tzOffset(tz, new Date())
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`
}
