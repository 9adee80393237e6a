import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {forTerminal} from '../../src/cli/terminal-output.js'
import {runCommand} from '../helpers/run-command.js'
import {boardInPty, hasScript} from './pty.js'

// Citizen text with a window-title change (OSC), a clear-screen (CSI 2J) and a bell.
const HOSTILE = '\u001B]0;pwned\u0007标题\u001B[2J\u0007'
const DANGEROUS = /\u001B\]|\u001B\[2J|\u0007/

const dir = mkdtempSync(join(tmpdir(), 'board-guard-'))
const store = join(dir, 'b.db')
const csv = join(dir, 'm.csv')
const badHeader = join(dir, 'h.csv')

beforeAll(() => {
  writeFileSync(csv, ['留言编号,留言用户,留言主题,留言时间,留言详情', `1,u,"${HOSTILE}",2020-01-02 10:00:00,正文`, `2,u,标题,"${HOSTILE}",正文`].join('\n') + '\n')
  writeFileSync(badHeader, `留言编号,"${HOSTILE}"\n1,x\n`)
})

describe('the terminal guard', () => {
  it('removes control sequences but keeps colour; prompts may redraw their own lines', () => {
    expect(forTerminal(`a${HOSTILE}b`)).toBe('a标题b')
    expect(forTerminal('\u001B[31mred\u001B[39m')).toBe('\u001B[31mred\u001B[39m')
    expect(forTerminal('\u001B[2K\u001B[1A')).toBe('')
    expect(forTerminal('\u001B[2K\u001B[1A', {redraw: true})).toBe('\u001B[2K\u001B[1A')
    expect(forTerminal('\u001B[2J', {redraw: true})).toBe('')
  })

  it.skipIf(!hasScript)('keeps ESC/OSC/BEL in field values off the terminal on stderr (reject reasons, a bad header)', async () => {
    const r = await boardInPty(['import', csv, '--source', 's', '--store', store])
    expect(r.screen).toContain('标题')
    expect(r.screen).toMatch(/m\.csv.*2|line 3|3/)
    expect(r.screen).not.toMatch(DANGEROUS)
    const h = await boardInPty(['import', badHeader, '--source', 'h', '--store', store])
    expect(h.status).not.toBe(0)
    expect(h.screen).not.toMatch(DANGEROUS)
  })

  it.skipIf(!hasScript)('keeps them off the terminal on stdout (export, list, show)', async () => {
    await runCommand(['import', csv, '--source', 's'], {store})
    for (const args of [['export'], ['export', '--format', 'json'], ['list'], ['show', '1']]) {
      const r = await boardInPty([...args, '--store', store])
      expect(r.status, args.join(' ')).toBe(0)
      expect(r.screen, args.join(' ')).toContain('标题')
      expect(r.screen, args.join(' ')).not.toMatch(DANGEROUS)
    }
  })

  it('files and pipes keep the data as stored', async () => {
    await runCommand(['import', csv, '--source', 's'], {store})
    const r = await runCommand(['export', '--format', 'json'], {store})
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)[0].title).toBe(HOSTILE)
  })
})
