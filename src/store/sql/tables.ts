import type {TableInfo, TableRepository} from '../tables.js'
import type {Executor, Param} from './executor.js'

const q = (name: string) => '"' + name.replace(/"/g, '""') + '"'

export class SqlTables implements TableRepository {
  constructor(private readonly db: Executor) {}

  async list(): Promise<TableInfo[]> {
    const c = this.db.dialect.catalog
    const names = (await this.db.all<{name: string}>(c.tablesSql)).map((r) => String(r.name)).filter((n) => n !== 'schema_migrations')
    const tables: TableInfo[] = []
    for (const name of names) {
      const columns = await this.db.all<{name: string; pk: number}>(c.columnsSql, [name])
      const fks = await this.db.all<{column: string; ref: string}>(c.foreignKeysSql, [name])
      tables.push({
        name,
        columns: columns.map((r) => String(r.name)),
        key: columns.filter((r) => Number(r.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((r) => String(r.name)),
        references: fks.map((r) => ({column: String(r.column), table: String(r.ref)})),
      })
    }
    return tables
  }

  async count(table: string): Promise<number> {
    const r = await this.db.get<{n: number}>(`SELECT count(*) AS n FROM ${q(table)}`)
    return Number(r?.n ?? 0)
  }

  async read(table: TableInfo, columns: string[], from: {after: Param | null; offset: number}, limit: number): Promise<Param[][]> {
    const list = columns.map(q).join(', ')
    let rows: Record<string, Param>[]
    if (table.key.length === 1) {
      // Keyset paging: constant cost a page however far into the table.
      const k = q(table.key[0])
      rows = await this.db.all(
        `SELECT ${list} FROM ${q(table.name)} ${from.after === null ? '' : `WHERE ${k} > ?`} ORDER BY ${k} LIMIT ?`,
        from.after === null ? [limit] : [from.after, limit],
      )
    } else {
      const order = (table.key.length > 0 ? table.key : columns).map(q).join(', ')
      rows = await this.db.all(`SELECT ${list} FROM ${q(table.name)} ORDER BY ${order} LIMIT ? OFFSET ?`, [limit, from.offset])
    }
    return rows.map((r) => columns.map((c) => r[c] ?? null))
  }

  async insert(table: TableInfo, columns: string[], rows: Param[][]): Promise<void> {
    // Bounded by the smaller of the backends' parameter limits (SQLite 32,766; PostgreSQL 65,535).
    const per = Math.max(1, Math.floor(30_000 / columns.length))
    const head = `INSERT INTO ${q(table.name)} (${columns.map(q).join(', ')}) VALUES `
    const one = '(' + columns.map(() => '?').join(', ') + ')'
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per)
      await this.db.run(head + chunk.map(() => one).join(', '), chunk.flat())
    }
  }

  async setColumn(table: TableInfo, column: string, key: Param, value: Param): Promise<void> {
    await this.db.run(`UPDATE ${q(table.name)} SET ${q(column)} = ? WHERE ${q(table.key[0])} = ?`, [value, key])
  }

  async clear(tables: string[]): Promise<void> {
    for (const t of tables) await this.db.run(`DELETE FROM ${q(t)}`)
  }

  async continueIds(table: TableInfo): Promise<void> {
    if (table.key.length !== 1) return
    const sql = this.db.dialect.catalog.resetIdentity(table.name, table.key[0])
    if (sql) await this.db.get(sql)
  }
}
