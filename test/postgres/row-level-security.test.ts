import {tmpdir} from 'node:os'
import type pg from 'pg'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {dropRoles, roleSessions, storeUrlAs} from '../helpers/pg-roles.js'
import {runCommand} from '../helpers/run-command.js'

const postgres = backendList.filter((b) => b.name === 'postgres')
const now = new Date('2024-03-01T00:00:00Z')
const as = {actor: 'admin', now}
const message = (ref: string): IncomingCase => ({
  source: 's', ref, title: `留言 ${ref}`, body: '路灯不亮', author: null, contact: null, postedAt: '2024-02-01T00:00:00.000Z',
  region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: {body: `答复 ${ref}`, sentAt: null}, resolvedAt: null, extra: null,
})

describe.each(postgres)('row-level security on $name', (backend) => {
  const tag = `${process.pid}_${Date.now().toString(36)}`
  const roleA = `board_t_a_${tag}`
  const roleB = `board_t_b_${tag}`
  const roleAdmin = `board_t_adm_${tag}`
  let url: string
  let schema: string
  let admin: Store
  const ids: Record<string, number> = {}
  const sessions = roleSessions(() => schema)
  const clients = sessions.clients

  const connectAs = sessions.connectAs

  beforeAll(async () => {
    url = await backend.location()
    schema = new URL(url).searchParams.get('schema')!
    admin = await openStore(url, {now})
    const root = await admin.units.upsert({code: 'P', name: '省政府'}, as)
    await admin.units.upsert({code: 'A', name: 'A市', parentCode: 'P'}, as)
    await admin.units.upsert({code: 'A1', name: 'A市A1区', parentCode: 'A'}, as)
    await admin.units.upsert({code: 'B', name: 'B市', parentCode: 'P'}, as)
    const outcomes = await admin.cases.importBatch(['a', 'a1', 'b', 'none'].map(message), as)
    for (const [i, key] of ['a', 'a1', 'b', 'none'].entries()) ids[key] = outcomes[i].id
    for (const key of ['a', 'a1', 'b']) {
      const unit = (await admin.units.find(key.toUpperCase()))!
      await admin.cases.change(ids[key], {unitId: unit.id}, {...as, action: 'assign'})
    }
    expect(root.parentId).toBeNull()
  })

  afterAll(async () => {
    await sessions.endAll()
    await admin?.close()
    await backend.cleanup()
    await dropRoles([roleA, roleB, roleAdmin])
  })

  it('board db grant creates the roles and scopes them to a unit and its sub-units', async () => {
    const a = await runCommand(['db', 'grant', roleA, '--unit', 'A', '--json'], {store: url})
    expect(a.status, a.stderr).toBe(0)
    expect(JSON.parse(a.stdout)).toMatchObject({role: roleA, created: true, unit: {code: 'A'}, units: 2, admin: false})
    const b = await runCommand(['db', 'grant', roleB, '--unit', 'B'], {store: url})
    expect(b.status, b.stderr).toBe(0)
    expect((await runCommand(['db', 'grant', roleB, '--unit', 'B', '--json'], {store: url})).stdout).toMatch(/"created": false/)
  })

  it('with raw SQL each role reads only its own cases, events and replies', async () => {
    const a = await connectAs(roleA)
    const b = await connectAs(roleB)
    const visible = async (c: pg.Client, table: string, column: string) =>
      (await c.query(`SELECT DISTINCT ${column} AS id FROM ${table} ORDER BY 1`)).rows.map((r) => Number(r.id))
    expect(await visible(a, 'cases', 'id')).toEqual([ids.a, ids.a1])
    expect(await visible(b, 'cases', 'id')).toEqual([ids.b])
    expect(await visible(a, 'events', 'case_id')).toEqual([ids.a, ids.a1])
    expect(await visible(b, 'replies', 'case_id')).toEqual([ids.b])
    expect((await a.query('SELECT count(*) AS n FROM cases WHERE id = $1', [ids.b])).rows[0].n).toBe('0')
  })

  it('with raw SQL neither role can change the other\'s cases', async () => {
    const [a, b] = [clients[0], clients[1]]
    expect((await a.query("UPDATE cases SET title = 'x' WHERE id = $1", [ids.b])).rowCount).toBe(0)
    expect((await b.query("UPDATE cases SET title = 'x' WHERE id IN ($1, $2)", [ids.a, ids.a1])).rowCount).toBe(0)
    expect((await b.query("UPDATE replies SET body = 'x' WHERE case_id = $1", [ids.a])).rowCount).toBe(0)
    expect((await a.query('DELETE FROM replies WHERE case_id = $1', [ids.b])).rowCount).toBe(0)
    // moving its own case into the other's unit, or writing to the other's audit trail, is refused
    await expect(a.query("UPDATE cases SET unit_id = (SELECT id FROM units WHERE code = 'B') WHERE id = $1", [ids.a])).rejects.toThrow(/row-level security/)
    await expect(a.query("INSERT INTO events (case_id, actor, at, action) VALUES ($1, current_user, now(), 'x')", [ids.b])).rejects.toThrow(/row-level security/)
    await expect(a.query('DELETE FROM cases WHERE id = $1', [ids.a])).rejects.toThrow(/permission denied/)
    const title = (await admin.cases.get(ids.b))!.title
    expect(title).toBe('留言 b')
  })

  it('events a role writes must name the role itself as actor', async () => {
    const a = clients[0]
    await expect(a.query("INSERT INTO events (case_id, actor, at, action) VALUES ($1, 'someone_else', now(), 'x')", [ids.a])).rejects.toThrow(/row-level security/)
    expect((await a.query("INSERT INTO events (case_id, actor, at, action) VALUES ($1, current_user, now(), 'note')", [ids.a])).rowCount).toBe(1)
  })

  it('through board, a clerk\'s store shows only its unit and records the database user as actor', async () => {
    const asA = storeUrlAs(url, roleA)
    const store = await openStore(asA, {now})
    try {
      expect((await store.cases.list({})).map((c) => c.id).sort()).toEqual([ids.a, ids.a1].sort())
      expect(await store.cases.get(ids.b)).toBeUndefined()
      // claiming for triage offers only its units' cases too
      const claimed = await store.cases.claim({}, {worker: roleA, now, leaseSeconds: 60, limit: 10})
      expect(claimed.map((c) => c.id).sort()).toEqual([ids.a, ids.a1].sort())
      for (const c of claimed) await store.cases.release(c.id, roleA)
      const who = (await store.currentUser())!
      await store.cases.change(ids.a1, {category: '城乡建设'}, {actor: who, now, action: 'edit'})
      expect((await admin.events.forCase(ids.a1)).at(-1)).toMatchObject({action: 'edit', actor: roleA})
    } finally {
      await store.close()
    }
    const list = await runCommand(['list', '--json'], {store: asA})
    expect(list.status, list.stderr).toBe(0)
    expect(JSON.parse(list.stdout).map((c: {id: number}) => c.id).sort()).toEqual([ids.a, ids.a1].sort())
    // Statistics count only its units' cases (after the team's first run has set their basis).
    expect((await runCommand(['stats', '--json'], {store: url})).status).toBe(0)
    const stats = await runCommand(['stats', '--by', 'status', '--json'], {store: asA})
    expect(stats.status, stats.stderr).toBe(0)
    expect(JSON.parse(stats.stdout).rows.reduce((n: number, r: {count: number}) => n + r.count, 0)).toBe(2)
    // A clerk in another display zone counts in the store's zone: same figures, nothing to recount.
    const elsewhere = await runCommand(['stats', '--by', 'status', '--json'], {store: asA, env: {BOARD_TZ: 'Europe/Paris'}})
    expect(elsewhere.status, elsewhere.stderr).toBe(0)
    expect(JSON.parse(elsewhere.stdout).rows).toEqual(JSON.parse(stats.stdout).rows)
  })

  it('doctor tells a clerk what it reaches; db grants lists; db revoke takes a unit back', async () => {
    const doctor = await runCommand(['doctor', '--json'], {store: storeUrlAs(url, roleA)})
    expect(doctor.stdout, doctor.stderr).not.toBe('')
    const access = JSON.parse(doctor.stdout).checks.find((c: {name: string}) => c.name === 'access')
    expect(access).toMatchObject({ok: true, detail: `${roleA}: units A and below`})
    const rls = JSON.parse(doctor.stdout).checks.find((c: {name: string}) => c.name === 'row-level security')
    expect(rls).toMatchObject({ok: true})
    const grants = JSON.parse((await runCommand(['db', 'grants', '--json'], {store: url})).stdout)
    expect(grants.map((g: {role: string; unit: string}) => [g.role, g.unit])).toEqual([[roleA, 'A'], [roleB, 'B']])
    const revoke = await runCommand(['db', 'revoke', roleB, '--unit', 'B', '--json'], {store: url})
    expect(JSON.parse(revoke.stdout)).toEqual({role: roleB, unit: 'B', revoked: true})
    const b = await connectAs(roleB)
    expect((await b.query('SELECT count(*) AS n FROM cases')).rows[0].n).toBe('0')
    const doctorB = await runCommand(['doctor', '--json'], {store: storeUrlAs(url, roleB)})
    expect(doctorB.status).toBe(1)
    expect(JSON.parse(doctorB.stdout).checks.find((c: {name: string}) => c.name === 'access')).toMatchObject({ok: false})
  })

  it('an admin role sees every case, unassigned ones too', async () => {
    const r = await runCommand(['db', 'grant', roleAdmin, '--admin'], {store: url})
    expect(r.status, r.stderr).toBe(0)
    const c = await connectAs(roleAdmin)
    expect((await c.query('SELECT count(*) AS n FROM cases')).rows[0].n).toBe('4')
  })

  it('on SQLite, db grant is a usage error naming PostgreSQL', async () => {
    const r = await runCommand(['db', 'grant', 'x', '--unit', 'A'], {store: `${tmpdir()}/board-grant-${tag}.db`})
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/need a PostgreSQL store/)
  })
})

describe.each(postgres)('row-level security covers case data from other migrations on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('tables with a case_id or reply_id made before migration 7 follow their case', async () => {
    const {PostgresExecutor} = await import('../../src/store/postgres/executor.js')
    const {migrate} = await import('../../src/store/sql/migrate.js')
    const {migrations} = await import('../../src/store/migrations/index.js')
    const url = await backend.location()
    const {executor} = await PostgresExecutor.connect(url)
    try {
      const before = migrations.filter((m) => m.version < 7)
      await migrate(executor, now, before)
      await executor.exec(`CREATE TABLE case_notes (id SERIAL PRIMARY KEY, case_id INTEGER REFERENCES cases(id), note TEXT);
        CREATE TABLE reply_notes (id SERIAL PRIMARY KEY, reply_id INTEGER REFERENCES replies(id), note TEXT)`)
      await migrate(executor, now)
      const rls = await executor.all<{relname: string; relrowsecurity: boolean}>(
        "SELECT relname, relrowsecurity FROM pg_class WHERE relname IN ('case_notes', 'reply_notes') AND relnamespace = to_regnamespace(current_schema()) ORDER BY 1",
      )
      expect(rls).toEqual([{relname: 'case_notes', relrowsecurity: true}, {relname: 'reply_notes', relrowsecurity: true}])
      const policies = await executor.all<{tablename: string; qual: string}>("SELECT tablename, qual FROM pg_policies WHERE schemaname = current_schema() AND tablename IN ('case_notes', 'reply_notes') ORDER BY 1")
      expect(policies[0].qual).toMatch(/FROM cases c\s+WHERE \(c\.id = case_notes\.case_id\)/)
      expect(policies[1].qual).toMatch(/FROM replies r\s+WHERE \(r\.id = reply_notes\.reply_id\)/)
    } finally {
      await executor.close()
    }
  })
})
