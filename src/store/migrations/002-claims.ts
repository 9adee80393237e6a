import type {Migration} from './migration.js'

// A lease on a case: who is working on it and until when. Expired leases are free to take again,
// so a clerk whose terminal died does not hold messages forever.
export const claims: Migration = {
  version: 2,
  name: 'claims',
  sqlite: `
ALTER TABLE cases ADD COLUMN claimed_by TEXT;
ALTER TABLE cases ADD COLUMN claim_expires_at TEXT;
CREATE INDEX cases_claim ON cases(status, claim_expires_at);
`,
  postgres: `
ALTER TABLE cases ADD COLUMN claimed_by TEXT;
ALTER TABLE cases ADD COLUMN claim_expires_at TIMESTAMPTZ;
CREATE INDEX cases_claim ON cases(status, claim_expires_at);
`,
}
