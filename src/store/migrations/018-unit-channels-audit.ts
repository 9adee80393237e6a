import type {Migration} from './migration.js'

// A unit's own reminder channels (its entry in notify.channels, by code or by name, as
// channelsFor looks them up) are readable by that unit's clerks, through this view; the setting
// itself stays for admins (migration 14), since it holds every unit's channels and the SMTP
// account. A clerk sees the units row-level security shows them (their units and sub-units), an
// admin every unit; the "*" entry belongs to no unit and stays with the setting. The view reads
// settings as its owner, so row-level security on settings does not hide the row from it; it
// runs its checks as the reader (current_user in a view is the reader).
//
// Also: the trigger that signs each event with the database user (migration 13) runs only for a
// row that does not already carry current_user, which is every row that takes the column's default
// (board's own inserts, an import's thousands): its function left those as they were anyway, and a
// PL/pgSQL call a row is much of what inserting an event costs.
const postgres = `
DROP TRIGGER events_db_user ON events;
CREATE TRIGGER events_db_user BEFORE INSERT ON events
  FOR EACH ROW WHEN (NEW.db_user IS DISTINCT FROM CURRENT_USER) EXECUTE FUNCTION events_db_user();
CREATE VIEW unit_channels WITH (security_barrier) AS
  SELECT u.id AS unit_id, u.code, ch.channels::text AS channels
  FROM units u
  JOIN settings s ON s.key = 'notify.channels'
  CROSS JOIN LATERAL (SELECT COALESCE(s.value::jsonb -> 'units' -> u.code, s.value::jsonb -> 'units' -> u.name) AS channels) ch
  WHERE ch.channels IS NOT NULL
    AND ((SELECT board_is_admin()) OR u.id IN (SELECT board_visible_units()));
DO $migration$
DECLARE
  r record;
BEGIN
  -- Clerks granted before this view existed read it too (db grant gives it from now on).
  FOR r IN SELECT DISTINCT g.role_name FROM unit_grants g JOIN pg_catalog.pg_roles p ON p.rolname = g.role_name LOOP
    EXECUTE format('GRANT SELECT ON unit_channels TO %I', r.role_name);
  END LOOP;
END $migration$;
`

export const unitChannelsAudit: Migration = {
  version: 18,
  name: 'unit-channels-audit',
  // SQLite has no roles: whoever opens the file reads every setting.
  sqlite: '-- PostgreSQL only',
  postgres,
}
