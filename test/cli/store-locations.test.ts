import {spawnSync} from 'node:child_process'
import {chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {ROOT, spawnAsync} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const dir = mkdtempSync(join(tmpdir(), 'board-loc-'))
chmodSync(dir, 0o755)
const store = join(dir, 'b.db')

beforeAll(async () => {
  expect((await runCommand(['import', join(ROOT, 'data', 'sample', 'messages.csv'), '--source', 's'], {store})).status).toBe(0)
}, 120_000)

describe('store locations', () => {
  it('an unknown scheme is a usage error naming the supported ones, and creates nothing', async () => {
    const before = readdirSync(ROOT)
    const r = await runCommand(['list', '--store', 'mysql://x@y/z'])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/mysql:\/\/ is not a kind of store/)
    expect(r.stderr).toMatch(/SQLite file path.*postgres:\/\//)
    expect(readdirSync(ROOT)).toEqual(before)
  })

  it('read-only commands on a path with no store create nothing and say how to create one', async () => {
    const missing = join(dir, 'none', 'x.db')
    for (const args of [['list'], ['show', '1'], ['stats'], ['overdue'], ['export'], ['report', '--year', '2019', '--out', join(dir, 'r.html')], ['doctor']]) {
      const r = await runCommand([...args, '--store', missing])
      expect(r.status, args.join(' ')).toBe(4)
      expect(r.stderr, args.join(' ')).toContain(`there is no board store at ${missing}`)
      expect(r.stderr, args.join(' ')).toContain('board db migrate')
      expect(existsSync(join(dir, 'none')), args.join(' ')).toBe(false)
    }
  })

  it('a path under /proc fails at once instead of looping', async () => {
    // A real process, so that a loop is killed rather than holding this worker.
    const r = await spawnAsync(process.execPath, [join(ROOT, 'bin', 'run.js'), 'db', 'migrate', '--store', '/proc/nope/x.db'], {timeout: 50_000, env: {...process.env, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C'}})
    expect(r.signal).toBeNull()
    expect(r.status).toBe(4)
    expect(r.stderr).toContain('/proc/nope')
  })

  it('the hint for a SQLite file that cannot be opened does not talk of a server', async () => {
    const folder = join(dir, 'a-folder.db')
    mkdirSync(folder)
    const r = await runCommand(['list', '--store', folder])
    expect(r.status).toBe(4)
    expect(r.stderr).not.toMatch(/server/i)
    expect(r.stderr).toMatch(/path|permission|folder/)
  })

  it.skipIf(process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status !== 0)('a store file the user may only read can be listed', async () => {
    const ro = join(mkdtempSync(join(tmpdir(), 'board-ro-')), 'ro.db')
    copyFileSync(store, ro)
    chmodSync(join(ro, '..'), 0o755)
    chmodSync(ro, 0o644)
    // As an unprivileged user: the file and its folder belong to root.
    const r = await spawnAsync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin', 'run.js'), 'list', '--limit', '3', '--store', ro], {
      env: {...process.env, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C', HOME: '/tmp', XDG_DATA_HOME: '/tmp', XDG_CACHE_HOME: '/tmp', XDG_CONFIG_HOME: '/tmp'},
    })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(4)
    expect(readdirSync(join(ro, '..'))).toEqual(['ro.db'])
  })
})
