import {spawnSync} from 'node:child_process'
import Database from 'better-sqlite3'
import {createHash} from 'node:crypto'
import {chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs'
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
      env: {...process.env, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C', HOME: tmpdir(), XDG_DATA_HOME: tmpdir(), XDG_CACHE_HOME: tmpdir(), XDG_CONFIG_HOME: tmpdir()},
    })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(4)
    expect(readdirSync(join(ro, '..'))).toEqual(['ro.db'])
  })

  // A store in WAL mode whose latest commits are still in its -wal file: its writer is running, or
  // stopped without closing it. Read as another user, in place: no temporary copy (the temp folder
  // here cannot be written), committed -wal content seen, nothing written.
  it.skipIf(process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status !== 0)('a read-only WAL store is read in place, -wal content included, writing nothing', {timeout: 180_000}, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'board-rowal-'))
    chmodSync(folder, 0o755)
    const ro = join(folder, 'ro.db')
    copyFileSync(store, ro)
    const id = (new Database(ro, {readonly: true}).prepare('SELECT min(id) AS id FROM cases').get() as {id: number}).id
    const write = (title: string, end: string) =>
      spawnAsync(process.execPath, ['--input-type=module', '-e', `
        import Database from 'better-sqlite3'
        const db = new Database(${JSON.stringify(ro)})
        db.pragma('journal_mode = WAL')
        db.pragma('wal_autocheckpoint = 0')
        db.prepare('UPDATE cases SET title = ? WHERE id = ?').run(${JSON.stringify(title)}, ${id})
        ${end}`], {cwd: ROOT})
    const asNobody = (args: string[]) =>
      spawnAsync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin', 'run.js'), ...args, '--store', ro], {
        env: {...process.env, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C', HOME: tmpdir(), XDG_DATA_HOME: tmpdir(), XDG_CACHE_HOME: tmpdir(), XDG_CONFIG_HOME: tmpdir(), TMPDIR: folder},
      })
    const files = () => Object.fromEntries(readdirSync(folder).map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]))

    // The writer stopped without closing the store (killed): the new title is only in the -wal.
    await write('只在预写日志里的标题', "process.kill(process.pid, 'SIGKILL')")
    expect(statSync(ro + '-wal').size).toBeGreaterThan(0)
    chmodSync(ro, 0o644)
    const before = files()
    const list = await asNobody(['list', '--limit', '3'])
    expect(list.status, list.stderr).toBe(0)
    expect(list.stdout.trim().split('\n')).toHaveLength(4)
    const show = await asNobody(['show', String(id)])
    expect(show.status, show.stderr).toBe(0)
    expect(show.stdout).toContain('只在预写日志里的标题')
    expect(files()).toEqual(before)

    // The writer is running (this process holds the store open) and has committed another title.
    const writer = new Database(ro)
    try {
      writer.pragma('wal_autocheckpoint = 0')
      writer.prepare('UPDATE cases SET title = ? WHERE id = ?').run('写入者仍在运行', id)
      const during = files()
      const live = await asNobody(['show', String(id)])
      expect(live.status, live.stderr).toBe(0)
      expect(live.stdout).toContain('写入者仍在运行')
      expect(files()).toEqual(during)
    } finally {
      writer.close()
    }
  })
})
