import type {Migration} from './migration.js'

// Whether a case was ever reopened, kept on the case. Statistics used to find out from the event
// log (every event's JSON searched for a reopening): with millions of import events that was a
// scan of the whole log on every `board stats`, longer than the statistics themselves. The
// triggers set the flag whenever an update makes the status reopened, whoever writes it; the
// UPDATE below reads the log once for the cases reopened before this migration. A case inserted
// with the status reopened (only a copy of a store does that, and it copies the flag too) counts
// by its status (statistics ask for both): no trigger on INSERT, which on SQLite would run for
// each of the millions of rows an import inserts (5% of its time).
const backfill = `
UPDATE cases SET reopened = 1 WHERE status = 'reopened' OR id IN (
  SELECT case_id FROM events WHERE case_id IS NOT NULL AND action NOT IN ('import.create', 'import.update')
    AND (action = 'reopen' OR after LIKE '%"status":"reopened"%'));
CREATE INDEX cases_reopened ON cases(id) WHERE reopened = 1;
`

export const reopenedFlag: Migration = {
  version: 11,
  name: 'reopened-flag',
  sqlite: `ALTER TABLE cases ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
${backfill}
CREATE TRIGGER cases_reopened AFTER UPDATE OF status ON cases WHEN NEW.status = 'reopened' AND NEW.reopened = 0
BEGIN
  UPDATE cases SET reopened = 1 WHERE id = NEW.id;
END;
`,
  postgres: `ALTER TABLE cases ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
${backfill}
CREATE FUNCTION cases_reopened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.reopened := 1;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_reopened BEFORE UPDATE OF status ON cases
  FOR EACH ROW WHEN (NEW.status = 'reopened') EXECUTE FUNCTION cases_reopened();
`,
}
