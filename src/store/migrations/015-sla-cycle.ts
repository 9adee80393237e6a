import type {Migration} from './migration.js'

// When the current cycle of a case's clock began (its latest reopen), beside the clock history,
// so that finding open deadlines can tell a reply of an earlier cycle from one of this cycle in SQL:
// a reopened case's respond deadline is open again although its first reply's time stays set
// (statistics measure the first reply). Filled from the stored histories.
export const slaCycle: Migration = {
  version: 15,
  name: 'sla-cycle',
  sqlite: `ALTER TABLE sla_clocks ADD COLUMN reopened_at TEXT;
UPDATE sla_clocks SET reopened_at = json_extract(history, '$.reopenedAt') WHERE json_extract(history, '$.reopenedAt') IS NOT NULL;
`,
  postgres: `ALTER TABLE sla_clocks ADD COLUMN reopened_at TIMESTAMPTZ;
UPDATE sla_clocks SET reopened_at = (history::json->>'reopenedAt')::timestamptz WHERE history::json->>'reopenedAt' IS NOT NULL;
`,
}
