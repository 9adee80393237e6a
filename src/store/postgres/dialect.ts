import type {Dialect} from '../sql/executor.js'

export function postgresDialect(): Dialect {
  return {
    name: 'postgres',
    supportsSkipLocked: true,
    ilike: 'ILIKE',
    datePart(part, column, tz) {
      const local = `(${column} AT TIME ZONE '${tz.replace(/'/g, "''")}')`
      switch (part) {
        case 'year':
          return `to_char(${local}, 'YYYY')`
        case 'month':
          return `to_char(${local}, 'YYYY-MM')`
        case 'day':
          return `to_char(${local}, 'YYYY-MM-DD')`
        case 'quarter':
          return `to_char(${local}, 'YYYY-"Q"Q')`
      }
    },
    daysBetween: (from, to) => `(EXTRACT(EPOCH FROM (${to} - ${from})) / 86400.0)`,
    dayNumber: (column) => `(EXTRACT(EPOCH FROM ${column})::double precision / 86400)`,
    subqueryFence: 'OFFSET 0',
    percentile: (expr, fraction) => `percentile_cont(${Number(fraction)}) WITHIN GROUP (ORDER BY ${expr})`,
    tableExistsSql: 'SELECT 1 AS ok FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?',
    migrationSql: (m) => m.postgres,
  }
}

/** `?` placeholders to `$1…$n`, leaving quoted text and identifiers alone. */
export function numberPlaceholders(sql: string): string {
  let out = ''
  let n = 0
  let quote: string | null = null
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null
      out += ch
    } else if (ch === "'" || ch === '"') {
      quote = ch
      out += ch
    } else if (ch === '?') {
      out += '$' + ++n
    } else out += ch
  }
  return out
}
