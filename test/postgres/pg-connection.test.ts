import {afterAll, describe, expect, it} from 'vitest'

import {BoardError, StoreUnreachableError} from '../../src/errors.js'
import {PostgresExecutor} from '../../src/store/postgres/executor.js'
import {backendList} from '../helpers/backends.js'
import {boardAsync} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const postgres = backendList.filter((b) => b.name === 'postgres')


describe.each(postgres)('PostgreSQL connection on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('an unreachable server is a clear error and exit 4', async () => {
    const r = await runCommand(['list', '--store', 'postgres://board@127.0.0.1:1/x'])
    expect(r.status).toBe(4)
    expect(r.stderr).toMatch(/cannot reach PostgreSQL at postgres:\/\/board@127\.0\.0\.1:1\/x/)
  })

  it('refuses a password in --store (argv) but accepts one from BOARD_STORE', async () => {
    const location = await backend.location()
    const withPassword = location.replace('://postgres@', '://postgres:secret@')
    const argv = await runCommand(['list', '--store', withPassword])
    expect(argv.status).toBe(2)
    expect(argv.stderr).toMatch(/--store must not carry a password/)
    expect(argv.stderr).toMatch(/PGPASSWORD/)
    const env = await runCommand(['list', '--json'], {store: withPassword})
    expect(env.status).toBe(0)
    expect(JSON.parse(env.stdout)).toEqual([])
  })

  it('a statement over ?statement_timeout is cancelled with a clear error', async () => {
    const location = await backend.location()
    const {executor} = await PostgresExecutor.connect(location + '&statement_timeout=200')
    try {
      const err = await executor.get('SELECT pg_sleep(2)').catch((e) => e)
      expect(err).toBeInstanceOf(BoardError)
      expect(err.message).toMatch(/cancelled a statement that ran too long/)
      expect(err).not.toBeInstanceOf(StoreUnreachableError)
    } finally {
      await executor.close()
    }
  })

  it('two processes migrating one fresh schema at once both succeed, each migration applied once', async () => {
    const location = await backend.location()
    const [a, b] = await Promise.all([boardAsync(['db', 'migrate'], {store: location}), boardAsync(['db', 'migrate'], {store: location})])
    expect(a, a.stderr).toMatchObject({status: 0})
    expect(b, b.stderr).toMatchObject({status: 0})
    const status = await runCommand(['db', 'status', '--json'], {store: location})
    const s = JSON.parse(status.stdout)
    expect(s.current).toBe(s.latest)
    expect(s.pending).toEqual([])
    expect(s.applied.map((m: {version: number}) => m.version)).toEqual([...new Set(s.applied.map((m: {version: number}) => m.version))])
  })
})
