import type {Migration} from './migration.js'

// Handling times kept on each case, so statistics over millions of cases aggregate stored numbers
// instead of parsing three timestamps a row and walking the holiday calendar for every case on each
// run. Calendar days follow from the case alone; working days also depend on the zone and the
// holiday calendar, recorded once in stats_basis: when either changes, all are computed again.
// A change to any of the three instants clears the case's durations (the triggers), whoever
// writes it; statistics fill what is missing before they aggregate, found through a partial index
// that is empty when nothing is missing.
const columns = (real: string) => `
ALTER TABLE cases ADD COLUMN respond_days ${real};
ALTER TABLE cases ADD COLUMN resolve_days ${real};
ALTER TABLE cases ADD COLUMN respond_wdays ${real};
ALTER TABLE cases ADD COLUMN resolve_wdays ${real};
CREATE TABLE stats_basis (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  basis TEXT NOT NULL
);
CREATE INDEX cases_durations_missing ON cases(id)
  WHERE (responded_at IS NOT NULL AND respond_days IS NULL) OR (resolved_at IS NOT NULL AND resolve_days IS NULL);
DROP INDEX cases_stats;
CREATE INDEX cases_stats ON cases(posted_at, category, type, status, respond_days, resolve_days, respond_wdays, resolve_wdays,
  responded_at, resolved_at, respond_due_at, resolve_due_at, unit_id, handler_id, region);
`

export const statsDurations: Migration = {
  version: 9,
  name: 'stats-durations',
  sqlite: `${columns('REAL')}
CREATE TRIGGER cases_durations_stale AFTER UPDATE OF posted_at, responded_at, resolved_at ON cases
  WHEN NEW.posted_at IS NOT OLD.posted_at OR NEW.responded_at IS NOT OLD.responded_at OR NEW.resolved_at IS NOT OLD.resolved_at
BEGIN
  UPDATE cases SET respond_days = NULL, resolve_days = NULL, respond_wdays = NULL, resolve_wdays = NULL WHERE id = NEW.id;
END;
`,
  postgres: `${columns('DOUBLE PRECISION')}
CREATE FUNCTION cases_durations_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.posted_at IS DISTINCT FROM OLD.posted_at OR NEW.responded_at IS DISTINCT FROM OLD.responded_at
     OR NEW.resolved_at IS DISTINCT FROM OLD.resolved_at THEN
    NEW.respond_days := NULL; NEW.resolve_days := NULL; NEW.respond_wdays := NULL; NEW.resolve_wdays := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_durations_stale BEFORE UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION cases_durations_stale();
-- Every role that runs stats reads the basis (a zone and a hash, nothing of a case), clerks
-- granted before this migration included.
GRANT SELECT ON stats_basis TO PUBLIC;
`,
}
