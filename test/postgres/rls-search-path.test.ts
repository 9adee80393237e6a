import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {dropRoles, roleSessions} from '../helpers/pg-roles.js'

// A clerk's own session may create temporary tables, and PostgreSQL searches the session's
// temporary schema first unless the search path names it. Row-level security must not depend on
// anything such a table can shadow: every function in the schema pins its search path.
const postgres = backendList.filter((b) => b.name === 'postgres')
const now = new Date('2024-03-01T00:00:00Z')
const as = {actor: 'admin', now}
const message = (ref: string): IncomingCase => ({
  source: 's', ref, title: `留言 ${ref}`, body: '路灯不亮', author: null, contact: null, postedAt: '2024-02-01T00:00:00.000Z',
  region: null, addressee: null, type: null, category: null, likes: null, dislikes: null, reply: {body: `答复 ${ref}`, sentAt: null}, resolvedAt: null, extra: null,
})

// What a hostile clerk would put in each shadowing table to widen what the access functions return.
const SHADOWS: Record<string, string> = {
  cases: 'CREATE TEMP TABLE cases (id int)',
  units: 'CREATE TEMP TABLE units AS SELECT id, NULL::int AS parent_id FROM generate_series(1, 1000) AS id',
  unit_grants: 'CREATE TEMP TABLE unit_grants AS SELECT current_user::text AS role_name, id AS unit_id FROM generate_series(1, 1000) AS id',
  pg_roles: 'CREATE TEMP TABLE pg_roles AS SELECT current_user::name AS rolname, true AS rolsuper, true AS rolbypassrls, oid FROM pg_catalog.pg_roles',
  pg_class: 'CREATE TEMP TABLE pg_class AS SELECT oid, relname, (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) AS relowner FROM pg_catalog.pg_class',
}

describe.each(postgres)('access functions ignore a clerk\'s temporary tables on $name', (backend) => {
  const role = `board_t_sp_${process.pid}_${Date.now().toString(36)}`
  let url: string
  let schema: string
  let admin: Store
  const ids: Record<string, number> = {}
  const sessions = roleSessions(() => schema)
  const clerk = () => sessions.connectAs(role)

  beforeAll(async () => {
    url = await backend.location()
    schema = new URL(url).searchParams.get('schema')!
    admin = await openStore(url, {now})
    await admin.units.upsert({code: 'A', name: 'A市'}, as)
    await admin.units.upsert({code: 'B', name: 'B市'}, as)
    const outcomes = await admin.cases.importBatch(['a', 'b'].map(message), as)
    for (const [i, key] of ['a', 'b'].entries()) {
      ids[key] = outcomes[i].id
      const unit = (await admin.units.find(key.toUpperCase()))!
      await admin.cases.change(ids[key], {unitId: unit.id}, {...as, action: 'assign'})
    }
    await admin.access!.grantUnit(role, (await admin.units.find('A'))!.id, as)
  })

  afterAll(async () => {
    await sessions.endAll()
    await admin?.close()
    await backend.cleanup()
    await dropRoles([role])
  })

  it.each(Object.keys(SHADOWS))('a temporary %s changes nothing a clerk can see or write', async (name) => {
    const c = await clerk()
    await c.query(SHADOWS[name])
    const q = (sql: string, params: unknown[] = []) => c.query(sql, params).then((r) => r.rows)
    expect(await q('SELECT board_is_admin() AS a')).toEqual([{a: false}])
    expect((await q('SELECT board_my_roles() AS r')).map((r) => r.r)).not.toContain('postgres')
    expect((await q('SELECT board_visible_units() AS u')).map((r) => r.u)).toEqual([(await admin.units.find('A'))!.id])
    expect((await q(`SELECT id FROM "${schema}".cases ORDER BY id`)).map((r) => r.id)).toEqual([ids.a])
    expect((await q(`SELECT DISTINCT case_id FROM "${schema}".replies`)).map((r) => r.case_id)).toEqual([ids.a])
    expect((await c.query(`UPDATE "${schema}".cases SET title = 'x' WHERE id = $1`, [ids.b])).rowCount).toBe(0)
    await expect(c.query(`INSERT INTO "${schema}".events (case_id, actor, at, action) VALUES ($1, 'postgres', now(), 'x')`, [ids.b])).rejects.toThrow(/row-level security/)
    expect((await admin.cases.get(ids.b))!.title).toBe('留言 b')
  })

  it('every function in the schema pins its search path, temporary schema last', async () => {
    const c = await clerk()
    const fns = (await c.query(
      `SELECT p.proname, p.proconfig FROM pg_catalog.pg_proc p WHERE p.pronamespace = $1::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
         ORDER BY 1`,
      [schema],
    )).rows as {proname: string; proconfig: string[] | null}[]
    expect(fns.map((f) => f.proname)).toContain('board_is_admin')
    for (const f of fns) {
      const path = (f.proconfig ?? []).find((s) => s.startsWith('search_path='))
      expect(path, `${f.proname} has no pinned search_path`).toBeDefined()
      const parts = path!.slice('search_path='.length).split(',').map((s) => s.trim().replace(/^"|"$/g, ''))
      expect(parts, f.proname).toEqual([schema, 'pg_catalog', 'pg_temp'])
    }
  })
})
