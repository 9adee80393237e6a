import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {BoardError, StoreUnreachableError} from '../../src/errors.js'
import {PostgresExecutor} from '../../src/store/postgres/executor.js'
import {backendList} from '../helpers/backends.js'
import {board, ROOT} from '../helpers/run-cli.js'

const postgres = backendList.filter((b) => b.name === 'postgres')

function boardAsync(args: string[], store: string): Promise<{status: number; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {
      env: {...process.env, BOARD_STORE: store, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C'},
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => resolve({status: code ?? -1, stderr}))
  })
}

describe.each(postgres)('PostgreSQL connection on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('an unreachable server is a clear error and exit 4', () => {
    const r = board(['list', '--store', 'postgres://board@127.0.0.1:1/x'])
    expect(r.status).toBe(4)
    expect(r.stderr).toMatch(/cannot reach PostgreSQL at postgres:\/\/board@127\.0\.0\.1:1\/x/)
  })

  it('refuses a password in --store (argv) but accepts one from BOARD_STORE', async () => {
    const location = await backend.location()
    const withPassword = location.replace('://postgres@', '://postgres:secret@')
    const argv = board(['list', '--store', withPassword])
    expect(argv.status).toBe(2)
    expect(argv.stderr).toMatch(/--store must not carry a password/)
    expect(argv.stderr).toMatch(/PGPASSWORD/)
    const env = board(['list', '--json'], {store: withPassword})
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
    const [a, b] = await Promise.all([boardAsync(['db', 'migrate'], location), boardAsync(['db', 'migrate'], location)])
    expect(a, a.stderr).toMatchObject({status: 0})
    expect(b, b.stderr).toMatchObject({status: 0})
    const status = board(['db', 'status', '--json'], {store: location})
    const s = JSON.parse(status.stdout)
    expect(s.current).toBe(s.latest)
    expect(s.pending).toEqual([])
    expect(s.applied.map((m: {version: number}) => m.version)).toEqual([...new Set(s.applied.map((m: {version: number}) => m.version))])
  })
})
