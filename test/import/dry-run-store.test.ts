import {createHash} from 'node:crypto'
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import pg from 'pg'
import {afterAll, describe, expect, it} from 'vitest'

import type {ImportCommandResult} from '../../commands/import.js'
import {migrations} from '../../src/store/migrations/index.js'
import {migrate} from '../../src/store/sql/migrate.js'
import type {Executor} from '../../src/store/sql/executor.js'
import {backendList, PG_URL} from '../helpers/backends.js'
import {runCommand} from '../helpers/run-command.js'

// `board import --dry-run` writes nothing to any store: not a SQLite file, not a PostgreSQL schema,
// table or migration. Where there is no store yet it plans against an empty one; a store of an
// older version is refused, not migrated.

const dir = mkdtempSync(join(tmpdir(), 'board-dry-store-'))
const CSV = join(dir, 'messages.csv')
writeFileSync(CSV, '留言编号,留言用户,留言主题,留言时间,留言详情,一级标签\n1,U1,路灯不亮,2019-04-05 09:03:01,正文一,城乡建设\n2,U2,噪音扰民,2019-04-06 10:00:00,正文二,环境保护\n')
const now = new Date('2024-03-01T00:00:00Z')
const older = migrations.filter((m) => m.version < migrations.at(-1)!.version)

const dryRun = (store: string) => runCommand(['import', CSV, '--source', 'dry', '--dry-run', '--json'], {store, now})

async function connect(name: 'sqlite' | 'postgres', location: string): Promise<Executor> {
  if (name === 'sqlite') {
    const {SqliteExecutor} = await import('../../src/store/sqlite/executor.js')
    return SqliteExecutor.open(location)
  }
  const {PostgresExecutor} = await import('../../src/store/postgres/executor.js')
  return (await PostgresExecutor.connect(location)).executor
}

/** Everything a store holds that a write could change: the SQLite files, or the schema's tables, columns and migrations. */
async function snapshot(name: 'sqlite' | 'postgres', location: string): Promise<string> {
  if (name === 'sqlite') {
    const d = join(location, '..')
    return readdirSync(d)
      .sort()
      .map((f) => `${f} ${createHash('sha256').update(readFileSync(join(d, f))).digest('hex')}`)
      .join('\n')
  }
  const schema = new URL(location).searchParams.get('schema')!
  const c = new pg.Client({connectionString: PG_URL})
  await c.connect()
  try {
    const ns = await c.query('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [schema])
    const cols = await c.query('SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1 ORDER BY 1, 2', [schema])
    const versions = cols.rows.some((r) => r.table_name === 'schema_migrations')
      ? await c.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`)
      : {rows: []}
    return JSON.stringify({schema: ns.rows[0].n, cols: cols.rows, versions: versions.rows})
  } finally {
    await c.end()
  }
}

afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe.each(backendList)('import --dry-run on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('where there is no store yet: reports what it would insert and creates nothing', async () => {
    const store = await backend.location()
    const before = backend.name === 'postgres' ? await snapshot('postgres', store) : ''
    const r = await dryRun(store)
    expect(r.stderr).toMatch(/would insert 2/)
    expect(r.status).toBe(0)
    expect((JSON.parse(r.stdout) as ImportCommandResult).files[0]).toMatchObject({inserted: 2})
    if (backend.name === 'postgres') {
      expect(await snapshot('postgres', store)).toBe(before)
      expect(before).toMatch(/"schema":0/)
    } else expect(readdirSync(join(store, '..'))).toEqual([])
  })

  it('on a store of the current version: plans against its cases and leaves it as it was', async () => {
    const store = await backend.location()
    expect((await runCommand(['import', CSV, '--source', 'dry'], {store, now})).status).toBe(0)
    writeFileSync(join(dir, 'more.csv'), readFileSync(CSV, 'utf8') + '3,U3,新的一条,2019-04-07 10:00:00,正文三,城乡建设\n')
    const before = await snapshot(backend.name, store)
    const r = await runCommand(['import', join(dir, 'more.csv'), '--source', 'dry', '--dry-run'], {store, now})
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/would insert 1, would update 0, unchanged 2/)
    expect(await snapshot(backend.name, store)).toBe(before)
  })

  it('on a store of an older version: refuses, says why, and does not migrate it', async () => {
    const store = await backend.location()
    const db = await connect(backend.name, store)
    await migrate(db, now, older)
    await db.close()
    const before = await snapshot(backend.name, store)
    const r = await dryRun(store)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/is at version \d+ and this board needs version \d+: a dry run does not migrate it/)
    expect(r.stderr).toMatch(/board db migrate --store .* first, then the dry run/)
    expect(await snapshot(backend.name, store)).toBe(before)
    expect(before).toMatch(backend.name === 'postgres' ? /"version":\d+/ : /board\.db/)
  })

  it.runIf(backend.name === 'postgres')('on an empty schema: plans as for a new store and creates no table in it', async () => {
    const store = await backend.location()
    const c = new pg.Client({connectionString: PG_URL})
    await c.connect()
    await c.query(`CREATE SCHEMA "${new URL(store).searchParams.get('schema')}"`)
    await c.end()
    const before = await snapshot('postgres', store)
    const r = await dryRun(store)
    expect(r.status).toBe(0)
    expect(r.stderr).toMatch(/would insert 2/)
    expect(await snapshot('postgres', store)).toBe(before)
  })
})
