import type {Migration} from './migration.js'

// Which versions of its message a case has been given by imports (hashes of the rows, newest
// last). A re-import applies a row only when its version is new to the case: two files of one
// source that disagree no longer flip the case back and forth on every run, and an old file
// imported again leaves what a newer one (or a clerk) set. Cases imported before this column
// existed have none; their first re-import records what it reads.
const ddl = `ALTER TABLE cases ADD COLUMN import_versions TEXT;
`

export const importVersions: Migration = {
  version: 16,
  name: 'import-versions',
  sqlite: ddl,
  postgres: ddl,
}
