import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {board} from '../helpers/run-cli.js'

const store = join(mkdtempSync(join(tmpdir(), 'board-conv-')), 'b.db')

describe('CLI conventions', () => {
  // Read-only commands need a store to be there (they never create one).
  beforeAll(() => void board(['db', 'migrate'], {store}), 60_000)

  it('usage errors exit 2 and name the problem on stderr, nothing on stdout', () => {
    for (const args of [['list', '--bogus'], ['list', '--status', 'nope'], ['show', 'abc'], ['nosuch-command']]) {
      const r = board(args, {store})
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.length).toBeGreaterThan(0)
    }
  })

  it('"nothing found" is success; --json prints parseable data only', () => {
    const r = board(['list', '--json'], {store})
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })

  it('a missing case is a failure (exit 1), not a crash', () => {
    const r = board(['show', '424242'], {store})
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('no case 424242')
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/)
  })

  it('speaks Chinese when the locale is Chinese', () => {
    const r = board(['show', '424242'], {store, env: {LANG: 'zh_CN.UTF-8'}})
    expect(r.stderr).toContain('错误')
  })

  it('an unreachable store exits 4', () => {
    const r = board(['list'], {store: 'postgres://nobody@127.0.0.1:1/none'})
    expect(r.status).toBe(4)
    expect(r.stderr).toContain('cannot reach PostgreSQL')
  })
})
