import type {Migration} from './migration.js'

// Unit-scoped access for a team on PostgreSQL, enforced by the database (row-level security):
// a role granted a unit (board db grant) sees and changes only the cases of that unit and the
// units below it, with their events, replies and ratings; an event it writes must carry its own
// name as actor. Table owners, superusers and BYPASSRLS roles are not subject to RLS at all;
// members of board_admin pass every policy. SQLite keeps the grants table only, so that both
// schemas hold the same tables (board db copy).
const grants = (ts: string) => `
CREATE TABLE unit_grants (
  role_name TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  granted_by TEXT NOT NULL,
  granted_at ${ts} NOT NULL,
  PRIMARY KEY (role_name, unit_id)
);
`

const scope = `(SELECT board_is_admin()) OR unit_id IN (SELECT board_visible_units())`
// EXISTS, not IN: one primary-key probe a row (itself filtered by the cases policy) instead of
// collecting every visible case id on each query.
const caseVisible = `EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id)`
const viaCase = `(SELECT board_is_admin()) OR ${caseVisible}`
const viaReply = `(SELECT board_is_admin()) OR EXISTS (SELECT 1 FROM replies r WHERE r.id = reply_id)`

export const postgresTeam: Migration = {
  version: 7,
  name: 'postgres-team',
  sqlite: grants('TEXT'),
  postgres: `${grants('TIMESTAMPTZ')}
CREATE FUNCTION board_is_admin() RETURNS boolean LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN RETURN true; END IF;
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'cases'::regclass), 'MEMBER') THEN RETURN true; END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'board_admin') THEN
    RETURN pg_has_role(current_user, 'board_admin', 'MEMBER');
  END IF;
  RETURN false;
END $$;

CREATE FUNCTION board_my_roles() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT rolname::text FROM pg_roles WHERE pg_has_role(current_user, oid, 'MEMBER')
$$;

CREATE FUNCTION board_visible_units() RETURNS SETOF integer LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
  WITH RECURSIVE tree(id) AS (
    SELECT unit_id FROM unit_grants WHERE role_name IN (SELECT board_my_roles())
    UNION SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id
  )
  SELECT id FROM tree
$$;

ALTER TABLE unit_grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY board_own_grants ON unit_grants USING ((SELECT board_is_admin()) OR role_name IN (SELECT board_my_roles()));

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY board_unit_scope ON cases USING (${scope}) WITH CHECK (${scope});

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY board_unit_scope ON events USING (${viaCase})
  WITH CHECK ((SELECT board_is_admin()) OR (${caseVisible} AND actor = current_user));

-- Every other table of case data follows its case: tables with a case_id (replies, ratings, and
-- whatever earlier migrations added: SLA clocks, outboxes…) through the case, tables with a
-- reply_id (reply drafts, send attempts) through the reply. Found by column, so this holds
-- whichever migrations ran before; board doctor flags a later table left uncovered.
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT c.table_name AS name, c.column_name AS col FROM information_schema.columns c JOIN information_schema.tables tb
      ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
    WHERE c.table_schema = current_schema() AND c.table_name <> 'events'
      AND (c.column_name = 'case_id' OR (c.column_name = 'reply_id' AND NOT EXISTS (
        SELECT 1 FROM information_schema.columns x WHERE x.table_schema = c.table_schema AND x.table_name = c.table_name AND x.column_name = 'case_id')))
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format('CREATE POLICY board_unit_scope ON %I USING (%s) WITH CHECK (%s)', t.name,
      CASE WHEN t.col = 'case_id' THEN '${viaCase}' ELSE '${viaReply}' END,
      CASE WHEN t.col = 'case_id' THEN '${viaCase}' ELSE '${viaReply}' END);
  END LOOP;
END $$;
`,
}
