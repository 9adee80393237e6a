import type {Migration} from './migration.js'

// The search index: every case's title and body as character bigrams (src/store/sql/search-terms.ts
// makes them; the same terms on both backends), so that `list --search` and the lookups of similar
// messages find candidates without reading every case. The index only narrows: the substring match
// on title and body stays the final word.
//
// SQLite: an FTS5 table holding only the index (contentless, rows deleted by rowid; no positions).
// Triggers, plain SQL that any connection can run, queue each new or changed case in
// search_pending (indexed = 1: the index still holds its old terms). A queued case is a candidate
// of every search. Board indexes a case it edits in the same write (search-queue.ts); imported
// cases, and cases other SQL queued, wait for a catch-up (board db search-index, which an import
// starts). Cases already stored are queued here.
//
// PostgreSQL: an integer[] column of the terms (each pair of characters as one 32-bit number, the
// smallest form a GIN index takes) and a GIN index on it. Board writes the terms with an edit; an
// import leaves them NULL, and so does any other change of title or body that does not write them
// (the trigger). A case without terms is always a candidate (the partial index finds them) until a
// catch-up fills them in (search-fill.ts).
export const searchIndex: Migration = {
  version: 17,
  name: 'search-index',
  sqlite: `
CREATE VIRTUAL TABLE cases_search USING fts5(terms, content = '', contentless_delete = 1, tokenize = 'ascii', detail = none);
CREATE TABLE search_pending (
  case_id INTEGER PRIMARY KEY,
  indexed INTEGER NOT NULL
);
INSERT INTO search_pending (case_id, indexed) SELECT id, 0 FROM cases;
CREATE TRIGGER cases_search_insert AFTER INSERT ON cases
BEGIN
  INSERT OR IGNORE INTO search_pending (case_id, indexed) VALUES (NEW.id, 0);
END;
CREATE TRIGGER cases_search_update AFTER UPDATE OF title, body ON cases
BEGIN
  INSERT OR IGNORE INTO search_pending (case_id, indexed) VALUES (NEW.id, 1);
END;
CREATE TRIGGER cases_search_delete AFTER DELETE ON cases
BEGIN
  DELETE FROM cases_search WHERE rowid = OLD.id;
  DELETE FROM search_pending WHERE case_id = OLD.id;
END;
`,
  postgres: `
ALTER TABLE cases ADD COLUMN search_terms integer[];
CREATE INDEX cases_search ON cases USING gin (search_terms);
CREATE INDEX cases_search_missing ON cases (id) WHERE search_terms IS NULL;
DO $migration$
BEGIN
  EXECUTE format($fmt$
CREATE FUNCTION %1$I.cases_search_stale() RETURNS trigger LANGUAGE plpgsql
  SET search_path = %1$I, pg_catalog, pg_temp AS $f$
BEGIN
  IF NEW.search_terms IS NOT DISTINCT FROM OLD.search_terms THEN
    NEW.search_terms := NULL;
  END IF;
  RETURN NEW;
END $f$;
CREATE TRIGGER cases_search_stale BEFORE UPDATE OF title, body ON %1$I.cases
  FOR EACH ROW WHEN (NEW.title IS DISTINCT FROM OLD.title OR NEW.body IS DISTINCT FROM OLD.body)
  EXECUTE FUNCTION %1$I.cases_search_stale();
$fmt$, current_schema());
END $migration$;
`,
}
