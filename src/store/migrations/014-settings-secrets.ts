import type {Migration} from './migration.js'

// Settings that hold secrets and every unit's channels (webhook keys and tokens, SMTP accounts)
// are readable only by admins: board_admin members and the tables' owner (who is not subject to
// row-level security at all). Every other setting stays shared reference data. Only admins write
// settings. A later setting that holds secrets is added to this list by its own migration.
const SECRET_KEYS = `('notify.channels', 'reply.channels')`

export const settingsSecrets: Migration = {
  version: 14,
  name: 'settings-secrets',
  // SQLite has no roles: whoever opens the file is its owner.
  sqlite: '-- PostgreSQL only',
  postgres: `
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY board_settings_read ON settings FOR SELECT USING ((SELECT board_is_admin()) OR key NOT IN ${SECRET_KEYS});
CREATE POLICY board_settings_admin ON settings USING ((SELECT board_is_admin())) WITH CHECK ((SELECT board_is_admin()));
`,
}
