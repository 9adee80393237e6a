import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {editDistance, suggestCommand} from '../../src/cli/command-suggest.js'
import {boardAsync} from '../helpers/run-cli.js'
import {boardInPty, hasScript} from './pty.js'

const dir = mkdtempSync(join(tmpdir(), 'board-typo-'))
const IDS = ['import', 'sla:recompute', 'sla:explain', 'list', 'reply:send', 'assign']

// An unknown command goes through oclif's command_not_found hook, which only a real run reaches.
describe('a mistyped command', () => {
  it('is matched by its name only, never by the path after it', () => {
    expect(editDistance('improt', 'import')).toBe(1)
    const long = '/very/long/path/to/some/file/recompute-messages.csv'
    expect(suggestCommand('board', ['improt', long, '--store', 'S'], IDS)).toEqual({command: 'import', line: `board import ${long} --store S`})
    expect(suggestCommand('board', ['sla', 'recompte'], IDS)?.command).toBe('sla recompute')
    expect(suggestCommand('board', ['zzzzzz'], IDS)).toBeUndefined()
    expect(suggestCommand('board', ['improt', 'my file.csv'], IDS)?.line).toBe("board import 'my file.csv'")
  })

  it.skipIf(!hasScript)('at a terminal, Enter runs nothing: the corrected line is printed, exit 2', async () => {
    const store = join(dir, 'typo.db')
    const r = await boardInPty(['improt', join(dir, 'x.csv'), '--source', 'a', '--store', store], {input: '\n\n'})
    expect(r.status).toBe(2)
    expect(r.screen).toContain(`board import ${join(dir, 'x.csv')} --source a --store ${store}`)
    expect(r.screen).not.toMatch(/\(Y\/n\)/)
    // Nothing ran: no store was opened or created.
    expect(existsSync(store)).toBe(false)
  })

  it('piped, the same: usage error, nothing on stdout', async () => {
    const r = await boardAsync(['sla', 'recompte'], {store: join(dir, 'p.db')})
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('board sla recompute')
  })

  it('speaks Chinese under a Chinese locale', async () => {
    const r = await boardAsync(['improt'], {env: {LANG: 'zh_CN.UTF-8'}})
    expect(r.stderr).toContain('不是 board 的命令')
  })
})
