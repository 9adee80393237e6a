import {BoardError, UsageError} from '../../errors.js'
import type {AccessControl, GrantResult, RoleGrant} from '../access.js'
import {SqlEvents} from '../sql/events.js'
import type {Executor} from '../sql/executor.js'
import {SqlUnits} from '../sql/units.js'
import {quoteIdent} from './executor.js'

export const ADMIN_ROLE = 'board_admin'

/** Tables of case data (a case_id, or a reply_id): row-level security follows the case. */
export const CASE_TABLES_SQL = `SELECT DISTINCT c.table_name AS name, tb.relrowsecurity AS rls FROM information_schema.columns c
  JOIN pg_class tb ON tb.relname = c.table_name AND tb.relnamespace = to_regnamespace(current_schema()) AND tb.relkind = 'r'
  WHERE c.table_schema = current_schema() AND c.column_name IN ('case_id', 'reply_id') ORDER BY 1`

// Shared reference data every clerk reads; a table not listed here and not case data is not
// granted at all, so a table added later stays closed to clerks until someone decides.
const REFERENCE_TABLES = ['units', 'handlers', 'settings', 'schema_migrations', 'unit_grants', 'calendar_years', 'reply_templates', 'classifier_models']

// What a unit clerk's role may touch; row-level security (migration 7) narrows it to its units.
// No DELETE on cases; events are only ever inserted (a role granted before migration 13 could
// update them: a grant given again takes that back too).
async function clerkPrivileges(tx: Executor): Promise<string[]> {
  const caseData = (await tx.all<{name: string}>(CASE_TABLES_SQL)).map((r) => String(r.name)).filter((n) => n !== 'events')
  const existing = new Set((await tx.all<{name: string}>(tx.dialect.catalog.tablesSql)).map((r) => String(r.name)))
  const list = (names: string[]) => names.filter((n) => existing.has(n)).map(quoteIdent).join(', ')
  return [
    `GRANT SELECT ON ${list(REFERENCE_TABLES)} TO %r`,
    // a view (tablesSql lists tables only): the unit's own channels, migration 18
    ...(await tx.get("SELECT to_regclass('unit_channels') AS v").then((r) => (r?.v ? ['GRANT SELECT ON unit_channels TO %r'] : []))),
    'GRANT SELECT, INSERT, UPDATE ON cases TO %r',
    'GRANT SELECT, INSERT ON events TO %r',
    'REVOKE UPDATE, DELETE, TRUNCATE ON events FROM %r',
    ...(caseData.length > 0 ? [`GRANT SELECT, INSERT, UPDATE, DELETE ON ${list(caseData)} TO %r`] : []),
  ]
}

/** Roles and grants on PostgreSQL; every DDL here names a role checked against ROLE_NAME first. */
export class PostgresAccess implements AccessControl {
  constructor(private readonly db: Executor) {}

  async grantUnit(role: string, unitId: number, opts: {actor: string; now: Date}): Promise<GrantResult> {
    checkRoleName(role)
    return this.db.transaction(async (tx) => {
      const unit = await new SqlUnits(tx).get(unitId)
      if (!unit) throw new UsageError(`no unit with id ${unitId}`)
      const created = await ensureRole(tx, role, true)
      await grantPrivileges(tx, role, await clerkPrivileges(tx))
      await tx.run('INSERT INTO unit_grants (role_name, unit_id, granted_by, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [role, unitId, opts.actor, opts.now.toISOString()])
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'db.grant', after: {role, unit: unit.code}})
      const reach = await tx.get<{n: number}>(
        `WITH RECURSIVE tree(id) AS (SELECT unit_id FROM unit_grants WHERE role_name = ? UNION SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id)
         SELECT count(*) AS n FROM tree`,
        [role],
      )
      return {role, created, unit: {code: unit.code, name: unit.name}, units: Number(reach?.n ?? 0), admin: false}
    })
  }

  async grantAdmin(role: string, opts: {actor: string; now: Date}): Promise<GrantResult> {
    checkRoleName(role)
    return this.db.transaction(async (tx) => {
      await ensureRole(tx, ADMIN_ROLE, false)
      await grantPrivileges(tx, ADMIN_ROLE, ['GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO %r', 'REVOKE UPDATE, DELETE, TRUNCATE ON events FROM %r'])
      const created = await ensureRole(tx, role, true)
      await ddl(tx, `GRANT ${quoteIdent(ADMIN_ROLE)} TO ${quoteIdent(role)}`)
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'db.grant', after: {role, admin: true}})
      const units = await tx.get<{n: number}>('SELECT count(*) AS n FROM units')
      return {role, created, unit: null, units: Number(units?.n ?? 0), admin: true}
    })
  }

  async revokeUnit(role: string, unitId: number, opts: {actor: string; now: Date}): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const r = await tx.run('DELETE FROM unit_grants WHERE role_name = ? AND unit_id = ?', [role, unitId])
      if (r.changes === 0) return false
      const unit = await new SqlUnits(tx).get(unitId)
      await new SqlEvents(tx).append({caseId: null, actor: opts.actor, at: opts.now, action: 'db.revoke', after: {role, unit: unit?.code ?? unitId}})
      return true
    })
  }

  async isAdmin(): Promise<boolean> {
    const r = await this.db.get<{a: boolean}>('SELECT board_is_admin() AS a')
    return Boolean(r?.a)
  }

  async list(): Promise<RoleGrant[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      'SELECT g.role_name, u.code, g.granted_by, g.granted_at FROM unit_grants g JOIN units u ON u.id = g.unit_id ORDER BY g.role_name, u.code',
    )
    return rows.map((r) => ({role: String(r.role_name), unit: String(r.code), grantedBy: String(r.granted_by), grantedAt: String(r.granted_at)}))
  }
}

const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/

function checkRoleName(role: string): void {
  if (!ROLE_NAME.test(role)) throw new UsageError(`"${role}" is not a role name board will create`, 'use letters, digits and _ (at most 63), starting with a letter or _')
}

async function ensureRole(tx: Executor, role: string, login: boolean): Promise<boolean> {
  if (await tx.get('SELECT 1 AS ok FROM pg_roles WHERE rolname = ?', [role])) return false
  await ddl(tx, `CREATE ROLE ${quoteIdent(role)} ${login ? 'LOGIN' : 'NOLOGIN'}`)
  return true
}

async function grantPrivileges(tx: Executor, role: string, statements: string[]): Promise<void> {
  const schema = await tx.get<{s: string}>('SELECT current_schema() AS s')
  const s = quoteIdent(schema!.s)
  await ddl(tx, `GRANT USAGE ON SCHEMA ${s} TO ${quoteIdent(role)}`)
  for (const st of statements) await ddl(tx, st.replace('%s', s).replace('%r', quoteIdent(role)))
  await ddl(tx, `GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${quoteIdent(role)}`)
}

async function ddl(tx: Executor, sql: string): Promise<void> {
  try {
    await tx.exec(sql)
  } catch (error) {
    if ((error as {code?: string}).code === '42501') {
      throw new BoardError(`not allowed: ${(error as Error).message}`, {suggestion: "run board db grant as the tables' owner, with CREATEROLE (or as a superuser)"})
    }
    throw error
  }
}
