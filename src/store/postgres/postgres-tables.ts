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
    await this.restoring()
    await copyInto(this.pg.raw(), quoteIdent(table.name), columns.map(quoteIdent), rows)
  }

  override async setColumn(table: TableInfo, column: string, key: Param, value: Param): Promise<void> {
    await this.restoring()
    await super.setColumn(table, column, key, value)
  }

  /**
   * Replacing a whole store: TRUNCATE, which the append-only triggers on events (row by row)
   * leave to the tables' owner; no clerk holds TRUNCATE.
   */
  override async clear(tables: string[]): Promise<void> {
    if (tables.length > 0) await this.pg.exec(`TRUNCATE ${tables.map(quoteIdent).join(', ')}`)
  }

  /**
   * Rows copied from another store bring their own events and database users: the audit
   * triggers (migration 13) let the tables' owner, and no one else, say so for its transaction.
   */
  private async restoring(): Promise<void> {
    await this.pg.get("SELECT set_config('board.restore', 'on', true) AS on")
  }
}
