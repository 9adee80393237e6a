import type {Param} from './sql/executor.js'

// Whole tables, for moving a store between backends (board db copy). Everything else goes
// through the repositories; this is the one place that sees rows as plain value lists.

export interface TableInfo {
  name: string
  columns: string[]
  /** Primary-key columns in key order. */
  key: string[]
  /** Single-column foreign keys: column → referenced table. */
  references: {column: string; table: string}[]
}

export interface TableRepository {
  /** Every table but the migration bookkeeping, with columns, key and foreign keys. */
  list(): Promise<TableInfo[]>
  count(table: string): Promise<number>
  /**
   * Rows in key order as value lists in `columns` order: after the key value `after` for a
   * single-column key (null: from the start), else skipping `offset` rows.
   */
  read(table: TableInfo, columns: string[], from: {after: Param | null; offset: number}, limit: number): Promise<Param[][]>
  insert(table: TableInfo, columns: string[], rows: Param[][]): Promise<void>
  /** Sets one column of the row whose single-column key is `key`. */
  setColumn(table: TableInfo, column: string, key: Param, value: Param): Promise<void>
  /** Empties the tables, in the order given. */
  clear(tables: string[]): Promise<void>
  /** After rows were copied with their ids: make new ids continue after them. */
  continueIds(table: TableInfo): Promise<void>
}
