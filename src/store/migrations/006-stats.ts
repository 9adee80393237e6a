import type {Migration} from './migration.js'

// Statistics scan every case of a period. A covering index over the columns they read lets the
// scan skip message bodies (kilobytes each) and read only these few fields; the ratings index
// finds each case's latest rating without a sort.
const ddl = `
CREATE INDEX cases_stats ON cases(posted_at, category, type, status, responded_at, resolved_at,
  respond_due_at, resolve_due_at, unit_id, handler_id, region);
CREATE INDEX ratings_case_latest ON ratings(case_id, id);
`

export const stats: Migration = {
  version: 6,
  name: 'stats',
  sqlite: ddl,
  postgres: ddl,
}
