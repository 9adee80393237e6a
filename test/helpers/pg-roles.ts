import pg from 'pg'

import {PG_URL} from './backends.js'

/** A store URL (one schema) as it is opened by a role: board, or runCommand, as that clerk. */
export function storeUrlAs(url: string, role: string): string {
  const u = new URL(url)
  u.username = role
  return u.toString()
}

/** Raw-SQL sessions as database roles, in a store's schema, as a clerk would open them with psql. */
export function roleSessions(schema: () => string) {
  const clients: pg.Client[] = []
  return {
    clients,
    async connectAs(role: string): Promise<pg.Client> {
      const u = new URL(PG_URL)
      u.username = role
      const c = new pg.Client({connectionString: u.toString()})
      await c.connect()
      clients.push(c)
      await c.query(`SET search_path TO "${schema()}"`)
      return c
    },
    async endAll(): Promise<void> {
      for (const c of clients.splice(0)) await c.end().catch(() => {})
    },
  }
}

/**
 * Drops test roles and what they own; roles are cluster-wide, so every test cleans up its own.
 * board_admin is left alone: test files running at once share it.
 */
export async function dropRoles(roles: string[]): Promise<void> {
  const c = new pg.Client({connectionString: PG_URL})
  await c.connect()
  try {
    for (const r of roles) {
      await c.query(`DROP OWNED BY "${r}"`).catch(() => {})
      await c.query(`DROP ROLE IF EXISTS "${r}"`).catch(() => {})
    }
  } finally {
    await c.end()
  }
}
