import type {Migration} from './migration.js'

// Row-level security asks board_is_admin() and board_visible_units() what a role may see. A
// function resolves unqualified names through the caller's search path, in which the session's
// temporary schema comes first unless the path names it; so a clerk's own temporary table called
// cases, units, unit_grants, pg_roles or pg_class decided the answer. Each function now names
// every table with its schema and pins its search path with the temporary schema last (as
// PostgreSQL's documentation advises for SECURITY DEFINER functions). Trigger functions are
// pinned too, so that no function of the schema is left to the caller's path; a test lists them.
const postgres = `
DO $migration$
DECLARE
  s text := current_schema();
  f record;
BEGIN
  EXECUTE format($fmt$
CREATE OR REPLACE FUNCTION %1$I.board_is_admin() RETURNS boolean LANGUAGE plpgsql STABLE
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = current_user AND (rolsuper OR rolbypassrls)) THEN RETURN true; END IF;
  IF pg_catalog.pg_has_role(current_user, (SELECT relowner FROM pg_catalog.pg_class WHERE oid = %2$L::pg_catalog.regclass), 'MEMBER') THEN RETURN true; END IF;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'board_admin') THEN
    RETURN pg_catalog.pg_has_role(current_user, 'board_admin', 'MEMBER');
  END IF;
  RETURN false;
END $f$;

CREATE OR REPLACE FUNCTION %1$I.board_my_roles() RETURNS SETOF text LANGUAGE sql STABLE
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
  SELECT rolname::text FROM pg_catalog.pg_roles WHERE pg_catalog.pg_has_role(current_user, oid, 'MEMBER')
$f$;

CREATE OR REPLACE FUNCTION %1$I.board_visible_units() RETURNS SETOF integer LANGUAGE sql STABLE
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
  WITH RECURSIVE tree(id) AS (
    SELECT unit_id FROM %1$I.unit_grants WHERE role_name IN (SELECT %1$I.board_my_roles())
    UNION SELECT u.id FROM %1$I.units u JOIN tree t ON u.parent_id = t.id
  )
  SELECT id FROM tree
$f$;
$fmt$, s, pg_catalog.quote_ident(s) || '.cases');

  FOR f IN SELECT p.oid::pg_catalog.regprocedure AS sig FROM pg_catalog.pg_proc p
      WHERE p.pronamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = s)
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_catalog, pg_temp', f.sig, s);
  END LOOP;
END $migration$;
`

export const pinnedSearchPath: Migration = {
  version: 12,
  name: 'pinned-search-path',
  // SQLite has no roles and no functions in the store.
  sqlite: '-- PostgreSQL only',
  postgres,
}
