import type {Migration} from './migration.js'

// A large import into SQLite drops the statistics index, which rows enter in random order (each
// insert rewrites a page of it), and builds it again in one sorted pass at the end. The index's own
// DDL is kept here while it is away, with the process that took it, so an import that dies half
// way leaves a note the next board run acts on. PostgreSQL has the table too, unused, so both
// schemas stay the same.
const ddl = `
CREATE TABLE deferred_indexes (
  name TEXT PRIMARY KEY,
  ddl TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL
);
`

export const deferredIndexes: Migration = {
  version: 10,
  name: 'deferred-indexes',
  sqlite: ddl,
  postgres: ddl,
}
