import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import pg from 'pg'

import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'

export const PG_URL = process.env.BOARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test'

let pgReachable: boolean | undefined
export async function postgresAvailable(): Promise<boolean> {
  if (pgReachable !== undefined) return pgReachable
  const c = new pg.Client({connectionString: PG_URL, connectionTimeoutMillis: 3000})
  try {
    await c.connect()
    pgReachable = true
  } catch {
    pgReachable = false
  } finally {
    await c.end().catch(() => {})
  }
  return pgReachable
}

export interface Backend {
  name: 'sqlite' | 'postgres'
  /** A fresh, empty store location; dropped by cleanup(). */
  location(): Promise<string>
  cleanup(): Promise<void>
}

function sqliteBackend(): Backend {
  const dirs: string[] = []
  return {
    name: 'sqlite',
    async location() {
      const dir = mkdtempSync(join(tmpdir(), 'board-test-'))
      dirs.push(dir)
      return join(dir, 'board.db')
    },
    async cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true})
    },
  }
}

function postgresBackend(): Backend {
  const schemas: string[] = []
  return {
    name: 'postgres',
    async location() {
      if (!(await postgresAvailable())) {
        // In CI a missing PostgreSQL is a failure, never a silent skip.
        throw new Error(`PostgreSQL is not reachable at ${PG_URL}`)
      }
      const schema = `t_${process.pid}_${Date.now().toString(36)}_${schemas.length}`
      schemas.push(schema)
      return `${PG_URL}?schema=${schema}`
    },
    async cleanup() {
      if (schemas.length === 0) return
      const c = new pg.Client({connectionString: PG_URL})
      await c.connect()
      for (const s of schemas.splice(0)) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`)
      await c.end()
    },
  }
}

/**
 * The backends every contract test runs on. Outside CI, PostgreSQL tests are skipped when the
 * server is down (a laptop without it); with CI set they run and fail.
 */
export async function backends(): Promise<Backend[]> {
  const list = [sqliteBackend()]
  if (process.env.CI || (await postgresAvailable())) list.push(postgresBackend())
  return list
}

export const backendList: Backend[] = await backends()

export async function freshStore(b: Backend, now = new Date('2024-01-01T00:00:00Z')): Promise<Store> {
  return openStore(await b.location(), {now})
}
