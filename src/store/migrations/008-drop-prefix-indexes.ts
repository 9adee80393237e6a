import type {Migration} from './migration.js'

// Later migrations added indexes that start with the same columns as two of the first ones:
// (status, …) three times and (posted_at, …) in the statistics index. The narrow ones serve no
// query the wide ones don't, and every imported row paid to maintain them.
const ddl = `
DROP INDEX cases_status;
DROP INDEX cases_posted_at;
`

export const dropPrefixIndexes: Migration = {
  version: 8,
  name: 'drop-prefix-indexes',
  sqlite: ddl,
  postgres: ddl,
}
