import type {Param} from '../sql/executor.js'
import {SqlTables} from '../sql/tables.js'
import type {TableInfo} from '../tables.js'
import {copyInto} from './copy.js'
import {type PostgresExecutor, quoteIdent} from './executor.js'

/** Whole-table writes through COPY: a store copy moves millions of rows, not a few. */
export class PostgresTables extends SqlTables {
  constructor(private readonly pg: PostgresExecutor) {
    super(pg)
  }

  override async insert(table: TableInfo, columns: string[], rows: Param[][]): Promise<void> {
    if (rows.length === 0) return
    await copyInto(this.pg.raw(), quoteIdent(table.name), columns.map(quoteIdent), rows)
  }
}
