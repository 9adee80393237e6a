import type {Migration} from './migration.js'

// The audit log is append-only and records who really wrote. On PostgreSQL a clerk holds a
// database login and may write with raw SQL, so the database itself keeps the log:
// - events can be inserted, never updated or deleted, by anyone (a trigger; clerks lose UPDATE);
// - each event names the database user (db_user), set by a trigger whatever the writer claims;
//   only the tables' owner restoring a copy (board db copy) keeps the db_user it copies;
// - a change to a case that its writer did not record in the same transaction gets an event from
//   a trigger (sql.insert, sql.update) with the changed columns. Updates are checked at commit,
//   since board writes a change's event after the change; the owner's copy of a whole store
//   (board.restore set in its transaction) is the one write that brings its events with it.
// Leases (claimed_by), stored durations, the reopened flag, version and updated_at are
// bookkeeping, not changes a clerk makes to a case: no event.
// On SQLite whoever can write the file can drop any trigger; the triggers there stop accidental
// edits of the log (and board's own mistakes), no more.
const NOT_AUDITED = `'{claimed_by,claim_expires_at,respond_days,resolve_days,respond_wdays,resolve_wdays,reopened,version,updated_at}'::text[]`
const AUDITED_COLUMNS = `source, ref, title, body, author, contact, posted_at, region, addressee, type, category, collective, utility,
  safety, urgent, priority, supervised, status, unit_id, handler_id, respond_due_at, resolve_due_at, responded_at, resolved_at,
  likes, dislikes, merged_into, extra`
const REFUSAL = 'the audit log is append-only: events are never changed or deleted'

const postgres = `
ALTER TABLE events ADD COLUMN db_user TEXT;
ALTER TABLE events ALTER COLUMN db_user SET DEFAULT current_user;
DO $migration$
DECLARE
  s text := current_schema();
  r record;
BEGIN
  EXECUTE format($fmt$
CREATE FUNCTION %1$I.events_append_only() RETURNS trigger LANGUAGE plpgsql
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
BEGIN
  RAISE EXCEPTION '${REFUSAL}' USING ERRCODE = 'insufficient_privilege';
END $f$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON %1$I.events
  FOR EACH ROW EXECUTE FUNCTION %1$I.events_append_only();

CREATE FUNCTION %1$I.board_restoring() RETURNS boolean LANGUAGE sql STABLE
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
  SELECT pg_catalog.current_setting('board.restore', true) = 'on'
    AND pg_catalog.pg_has_role(current_user, (SELECT relowner FROM pg_catalog.pg_class WHERE oid = %2$L::pg_catalog.regclass), 'MEMBER')
$f$;

CREATE FUNCTION %1$I.events_db_user() RETURNS trigger LANGUAGE plpgsql
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
BEGIN
  IF NEW.db_user IS NULL OR NEW.db_user <> current_user AND NOT %1$I.board_restoring() THEN
    NEW.db_user := current_user;
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER events_db_user BEFORE INSERT ON %1$I.events
  FOR EACH ROW EXECUTE FUNCTION %1$I.events_db_user();

CREATE FUNCTION %1$I.cases_audit_update() RETURNS trigger LANGUAGE plpgsql
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
DECLARE
  o jsonb := pg_catalog.to_jsonb(OLD) - ${NOT_AUDITED};
  n jsonb := pg_catalog.to_jsonb(NEW) - ${NOT_AUDITED};
  b jsonb := '{}';
  a jsonb := '{}';
  k text;
BEGIN
  IF %1$I.board_restoring() THEN RETURN NULL; END IF;
  -- The writer recorded this transaction's change itself (board does, after each change).
  IF EXISTS (SELECT 1 FROM %1$I.events e WHERE e.case_id = NEW.id AND e.action NOT LIKE 'sql.%%'
      AND e.xmin = pg_catalog.pg_current_xact_id()::xid) THEN
    RETURN NULL;
  END IF;
  FOR k IN SELECT pg_catalog.jsonb_object_keys(n) LOOP
    IF o -> k IS DISTINCT FROM n -> k THEN
      b := b || pg_catalog.jsonb_build_object(k, o -> k);
      a := a || pg_catalog.jsonb_build_object(k, n -> k);
    END IF;
  END LOOP;
  IF a = '{}' THEN RETURN NULL; END IF;
  INSERT INTO %1$I.events (case_id, actor, at, action, before, after)
    VALUES (NEW.id, current_user, pg_catalog.now(), 'sql.update', b::text, a::text);
  RETURN NULL;
END $f$;
CREATE CONSTRAINT TRIGGER cases_audit_update AFTER UPDATE OF ${AUDITED_COLUMNS} ON %1$I.cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION %1$I.cases_audit_update();

CREATE FUNCTION %1$I.cases_audit_insert() RETURNS trigger LANGUAGE plpgsql
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
BEGIN
  IF %1$I.board_restoring() THEN RETURN NULL; END IF;
  INSERT INTO %1$I.events (case_id, actor, at, action, before, after)
    SELECT n.id, current_user, pg_catalog.now(), 'sql.insert', NULL,
      pg_catalog.jsonb_build_object('source', n.source, 'ref', n.ref, 'status', n.status, 'unit_id', n.unit_id)::text
    FROM new_cases n WHERE NOT EXISTS (SELECT 1 FROM %1$I.events e WHERE e.case_id = n.id);
  RETURN NULL;
END $f$;
CREATE TRIGGER cases_audit_insert AFTER INSERT ON %1$I.cases
  REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION %1$I.cases_audit_insert();
$fmt$, s, pg_catalog.quote_ident(s) || '.cases');

  -- Clerks granted before this migration could update events (board_admin could delete them too),
  -- and a role whose units were all revoked keeps its table privileges: take these back from every
  -- role but the owner.
  FOR r IN SELECT DISTINCT pg_catalog.pg_get_userbyid(a.grantee) AS role_name
      FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
      WHERE c.oid = pg_catalog.format('%I.events', s)::pg_catalog.regclass
        AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND a.grantee <> c.relowner AND a.grantee <> 0
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I.events FROM %I', s, r.role_name);
  END LOOP;
END $migration$;
`

const sqlite = `
ALTER TABLE events ADD COLUMN db_user TEXT;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END;
`

export const appendOnlyAudit: Migration = {
  version: 13,
  name: 'append-only-audit',
  sqlite,
  postgres,
}
