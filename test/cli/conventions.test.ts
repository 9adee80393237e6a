import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Config} from '@oclif/core/config'
import {beforeAll, describe, expect, it} from 'vitest'

import {boardAsync, ROOT} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const store = join(mkdtempSync(join(tmpdir(), 'board-conv-')), 'b.db')

// Usage errors run the built CLI: an unknown command is answered by oclif's not-found plugin and
// bin/run.js, which only a real process has. The rest run in-process.
describe('CLI conventions', () => {
  // Read-only commands need a store to be there (they never create one).
  beforeAll(async () => void (await runCommand(['db', 'migrate'], {store})), 60_000)

  it('usage errors exit 2 and name the problem on stderr, nothing on stdout', async () => {
    for (const args of [['list', '--bogus'], ['list', '--status', 'nope'], ['show', 'abc'], ['nosuch-command']]) {
      const r = args[0] === 'nosuch-command' ? await boardAsync(args, {store}) : await runCommand(args, {store})
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.length).toBeGreaterThan(0)
    }
  })

  it('--version answers as oclif would, also with more words after it', async () => {
    const {userAgent} = await Config.load(ROOT)
    for (const args of [['--version'], ['--version', '--json']]) {
      const r = await boardAsync(args, {store})
      expect(r.status, args.join(' ')).toBe(0)
      expect(r.stdout).toBe(`${userAgent}\n`)
    }
  })

  it('"nothing found" is success; --json prints parseable data only', async () => {
    const r = await runCommand(['list', '--json'], {store})
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })

  it('a missing case is a failure (exit 1), not a crash', async () => {
    const r = await runCommand(['show', '424242'], {store})
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('no case 424242')
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/)
  })

  it('speaks Chinese when the locale is Chinese', async () => {
    const r = await runCommand(['show', '424242'], {store, env: {LANG: 'zh_CN.UTF-8'}})
    expect(r.stderr).toContain('错误')
  })

  it('an unreachable store exits 4', async () => {
    const r = await runCommand(['list'], {store: 'postgres://nobody@127.0.0.1:1/none'})
    expect(r.status).toBe(4)
    expect(r.stderr).toContain('cannot reach PostgreSQL')
  })
})
