import type {Dialect} from '../sql/executor.js'
import {codesLiteral, termCodesLiteral} from '../sql/search-terms.js'

export function postgresDialect(): Dialect {
  return {
    name: 'postgres',
    supportsSkipLocked: true,
    ilike: 'ILIKE',
    daysBetween: (from, to) => `(EXTRACT(EPOCH FROM (${to} - ${from})) / 86400.0)`,
    instantParam: 'CAST(? AS TIMESTAMPTZ)',
    subqueryFence: 'OFFSET 0',
    manyRowUpdates: 'values',
    eitherRange: 'one-pass',
    indexedBy: () => '',
    percentile: (expr, fraction) => `percentile_cont(${Number(fraction)}) WITHIN GROUP (ORDER BY ${expr})`,
    statsGroupsFunction: null,
    search: {
      // A case without terms (written by other SQL, not yet filled in) is always a candidate; a
      // query of single characters (no pairs) is not in this index and reads the cases.
      match: (q) => {
        const codes = codesLiteral(q)
        return codes ? {sql: '(c.search_terms @> CAST(? AS integer[]) OR c.search_terms IS NULL)', params: [codes]} : {sql: '1 = 1', params: []}
      },
      ids: () => null,
      indexedIds: (q) => {
        const codes = codesLiteral(q)
        return codes ? {sql: 'SELECT id FROM cases WHERE search_terms @> CAST(? AS integer[])', params: [codes]} : null
      },
      planned: true,
      indexWritten: () => [],
      assignTerms: (title, body) => ({sql: 'search_terms = CAST(? AS integer[])', params: [termCodesLiteral(title, body)]}),
    },
    tableExistsSql: 'SELECT 1 AS ok FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?',
    migrationSql: (m) => m.postgres,
    catalog: {
      tablesSql: "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
      columnsSql: `SELECT a.attname AS name, COALESCE(array_position(con.conkey, a.attnum), 0) AS pk
        FROM pg_attribute a LEFT JOIN pg_constraint con ON con.conrelid = a.attrelid AND con.contype = 'p'
        WHERE a.attrelid = to_regclass(format('%I.%I', current_schema(), ?::text)) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      foreignKeysSql: `SELECT a.attname AS "column", cf.relname AS ref
        FROM pg_constraint con JOIN pg_class cf ON cf.oid = con.confrelid
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
        WHERE con.contype = 'f' AND con.conrelid = to_regclass(format('%I.%I', current_schema(), ?::text))`,
      // Copied rows keep their ids; the identity must continue after the largest one.
      resetIdentity: (table, column) => {
        const t = '"' + table.replace(/"/g, '""') + '"'
        const c = '"' + column.replace(/"/g, '""') + '"'
        const name = "'" + t.replace(/'/g, "''") + "'"
        // Tables keyed by text have no sequence: the WHERE keeps max() from ever running on them.
        return `SELECT setval(s.seq, COALESCE((SELECT max(${c})::bigint FROM ${t}), 0) + 1, false)
          FROM (SELECT pg_get_serial_sequence(${name}, '${column.replace(/'/g, "''")}') AS seq) s WHERE s.seq IS NOT NULL`
      },
    },
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
