import Database from 'better-sqlite3'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {grantAccess} from '../../src/services/db-grant.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {dropRoles, roleSessions, storeUrlAs} from '../helpers/pg-roles.js'

const postgres = backendList.filter((b) => b.name === 'postgres')
const sqlite = backendList.filter((b) => b.name === 'sqlite')
const now = new Date('2024-03-01T00:00:00Z')
const as = {actor: 'admin', now}
const message = (ref: string): IncomingCase => ({
  source: 's', ref, title: `留言 ${ref}`, body: '路灯不亮', author: null, contact: null, postedAt: '2024-02-01T00:00:00.000Z',
  region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
})

describe.each(postgres)('the audit log on $name, written to as a granted clerk over raw SQL', (backend) => {
  const tag = `${process.pid}_${Date.now().toString(36)}`
  const clerk = `board_t_audit_${tag}`
  const veteran = `board_t_old_${tag}`
  const former = `board_t_former_${tag}`
  let url: string
  let schema: string
  let owner: Store
  let unitA: number
  const ids: Record<string, number> = {}
  const sessions = roleSessions(() => schema)

  const connectAs = sessions.connectAs

  const events = async (caseId: number) =>
    (await owner.events.forCase(caseId)).sort((x, y) => x.id - y.id).map((e) => ({actor: e.actor, action: e.action, before: e.before, after: e.after}))
  const dbUsers = async (caseId: number) => {
    const c = await connectAs('postgres')
    const rows = (await c.query('SELECT action, db_user FROM events WHERE case_id = $1 ORDER BY id', [caseId])).rows
    return rows.map((r) => [r.action, r.db_user])
  }

  beforeAll(async () => {
    url = await backend.location()
    schema = new URL(url).searchParams.get('schema')!
    // An existing store, before this migration: a clerk granted then could update events.
    const {PostgresExecutor} = await import('../../src/store/postgres/executor.js')
    const {migrate} = await import('../../src/store/sql/migrate.js')
    const {migrations} = await import('../../src/store/migrations/index.js')
    const {executor} = await PostgresExecutor.connect(url)
    await migrate(executor, now, migrations.filter((m) => m.version < 13))
    await executor.exec(`INSERT INTO units (code, name, created_at) VALUES ('OLD', '旧', now());
      CREATE ROLE ${veteran} LOGIN; GRANT USAGE ON SCHEMA "${schema}" TO ${veteran};
      GRANT SELECT, INSERT, UPDATE ON cases, events TO ${veteran};
      CREATE ROLE ${former} LOGIN; GRANT SELECT, INSERT, UPDATE ON cases, events TO ${former};
      INSERT INTO unit_grants (role_name, unit_id, granted_by, granted_at) SELECT '${veteran}', id, 'x', now() FROM units WHERE code = 'OLD'`)
    await executor.close()

    owner = await openStore(url, {now})
    unitA = (await owner.units.upsert({code: 'A', name: 'A市'}, as)).id
    const outcomes = await owner.cases.importBatch(['a', 'b'].map(message), as)
    ids.a = outcomes[0].id
    ids.b = outcomes[1].id
    await owner.cases.change(ids.a, {unitId: unitA}, {...as, action: 'assign'})
    await owner.cases.change(ids.b, {unitId: unitA}, {...as, action: 'assign'})
    await grantAccess(owner, {role: clerk, unit: 'A', actor: 'admin', now})
  })

  afterAll(async () => {
    await sessions.endAll()
    await owner?.close()
    await backend.cleanup()
    await dropRoles([clerk, veteran, former])
  })

  it('a clerk cannot update or delete events, its own or others\'', async () => {
    const a = await connectAs(clerk)
    await expect(a.query("UPDATE events SET action = 'tampered' WHERE case_id = $1", [ids.a])).rejects.toThrow(/permission denied/)
    await expect(a.query('DELETE FROM events WHERE case_id = $1', [ids.a])).rejects.toThrow(/permission denied/)
    await expect(a.query('TRUNCATE events')).rejects.toThrow(/permission denied/)
    expect((await events(ids.a)).map((e) => e.action)).toEqual(['import.create', 'assign'])
  })

  it('a clerk granted before the upgrade lost UPDATE on events', async () => {
    const v = await connectAs(veteran)
    await expect(v.query("UPDATE events SET action = 'tampered'")).rejects.toThrow(/permission denied/)
    const c = await connectAs('postgres')
    // a role whose every unit was revoked (db revoke) kept its table privileges: gone too
    for (const role of [veteran, former]) {
      const can = (await c.query(`SELECT has_table_privilege($1, $2, 'UPDATE') AS u`, [role, `"${schema}".events`])).rows[0]
      expect([role, can.u]).toEqual([role, false])
    }
  })

  it('not even the owner, through board or raw SQL, rewrites an event', async () => {
    const c = await connectAs('postgres')
    await expect(c.query("UPDATE events SET action = 'tampered' WHERE case_id = $1", [ids.a])).rejects.toThrow(/append-only/)
    await expect(c.query('DELETE FROM events WHERE case_id = $1', [ids.a])).rejects.toThrow(/append-only/)
  })

  it('a clerk\'s raw UPDATE of a case leaves an event naming the database user and the change', async () => {
    const a = await connectAs(clerk)
    await a.query("UPDATE cases SET title = '改过', claimed_by = 'x' WHERE id = $1", [ids.a])
    expect((await events(ids.a)).at(-1)).toEqual({actor: clerk, action: 'sql.update', before: {title: '留言 a'}, after: {title: '改过'}})
    expect((await dbUsers(ids.a)).at(-1)).toEqual(['sql.update', clerk])
  })

  it('two raw updates in one transaction leave one event each; a lease alone leaves none', async () => {
    const a = await connectAs(clerk)
    const before = (await events(ids.b)).length
    await a.query('BEGIN')
    await a.query("UPDATE cases SET category = '交通运输' WHERE id = $1", [ids.b])
    await a.query('UPDATE cases SET priority = 2 WHERE id = $1', [ids.b])
    await a.query('COMMIT')
    await a.query("UPDATE cases SET claimed_by = 'me', claim_expires_at = now() WHERE id = $1", [ids.b])
    const after = (await events(ids.b)).slice(before)
    expect(after.map((e) => [e.action, e.after])).toEqual([['sql.update', {category: '交通运输'}], ['sql.update', {priority: 2}]])
  })

  it('a clerk\'s raw INSERT of a case leaves an event', async () => {
    const a = await connectAs(clerk)
    const r = await a.query(`INSERT INTO cases (source, ref, title, posted_at, unit_id, created_at, updated_at)
      VALUES ('s', 'raw', '直接写入', now(), $1, now(), now()) RETURNING id`, [unitA])
    const id = Number(r.rows[0].id)
    expect(await events(id)).toEqual([{actor: clerk, action: 'sql.insert', before: null, after: {source: 's', ref: 'raw', status: 'new', unit_id: unitA}}])
  })

  it('an event a clerk writes names it as database user, whatever it claims', async () => {
    const a = await connectAs(clerk)
    await a.query("INSERT INTO events (case_id, actor, at, action, db_user) VALUES ($1, current_user, now(), 'note', 'postgres')", [ids.a])
    expect((await dbUsers(ids.a)).at(-1)).toEqual(['note', clerk])
  })

  it('a change through board leaves exactly board\'s event, with the database user', async () => {
    const store = await openStore(storeUrlAs(url, clerk), {now})
    try {
      const before = (await events(ids.a)).length
      await store.cases.change(ids.a, {urgent: true}, {actor: clerk, now, action: 'edit'})
      expect((await events(ids.a)).slice(before)).toEqual([{actor: clerk, action: 'edit', before: {urgent: false}, after: {urgent: true}}])
    } finally {
      await store.close()
    }
    // The owner acting under another name (--as) is still known by its database user.
    await owner.cases.change(ids.a, {priority: 1}, {actor: '张三', now, action: 'edit'})
    expect((await dbUsers(ids.a)).at(-1)).toEqual(['edit', 'postgres'])
  })

  it('an import writes one event a case, through COPY and on re-import', async () => {
    const first = await owner.cases.importBatch(['c', 'd'].map(message), as)
    const again = await owner.cases.importBatch([{...message('c'), title: '新标题'}], as)
    expect(again[0].kind).toBe('updated')
    expect((await events(first[0].id)).map((e) => e.action)).toEqual(['import.create', 'import.update'])
    expect((await events(first[1].id)).map((e) => e.action)).toEqual(['import.create'])
  })
})

describe.each(sqlite)('the audit log on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('refuses to change or delete an event, even for the file\'s owner', async () => {
    const file = await backend.location()
    const store = await openStore(file, {now})
    const [{id}] = await store.cases.importBatch([message('a')], as)
    await store.close()
    const db = new Database(file)
    try {
      expect(() => db.prepare("UPDATE events SET action = 'tampered' WHERE case_id = ?").run(id)).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/)
      expect(db.prepare('SELECT action FROM events WHERE case_id = ?').all(id)).toEqual([{action: 'import.create'}])
    } finally {
      db.close()
    }
  })
})
