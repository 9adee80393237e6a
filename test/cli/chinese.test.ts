import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {localise} from '../../src/cli/localise.js'
import {translateParseError} from '../../src/cli/parse-errors.js'
import {runCommand} from '../helpers/run-command.js'

const store = join(mkdtempSync(join(tmpdir(), 'board-zh-')), 'b.db')
const zh = {LANG: 'zh_CN.UTF-8'}

beforeAll(async () => {
  expect((await runCommand(['unit', 'add', 'u1', '--name', '住建局'], {store})).status).toBe(0)
  expect((await runCommand(['handler', 'add', 'h1', '--name', '张三', '--unit', 'u1'], {store})).status).toBe(0)
}, 60_000)

describe('a Chinese locale reads Chinese', () => {
  it('errors and their hints', async () => {
    const r = await runCommand(['show', '999999'], {store, env: zh})
    expect(r.stderr).toContain('错误: 没有编号为 999999 的留言')
    expect(r.stderr).not.toMatch(/no case/)
    const h = await runCommand(['show', 'abc'], {store, env: zh})
    expect(h.stderr).toContain('提示: 请使用 board list 显示的编号')
  })

  it("oclif's parse errors", async () => {
    expect((await runCommand(['list', '--bogus'], {store, env: zh})).stderr).toContain('未知的选项：--bogus')
    expect((await runCommand(['list', '--status', 'nope'], {store, env: zh})).stderr).toContain('--status=nope 不是可选值之一')
    expect((await runCommand(['list', '--limit', 'x'], {store, env: zh})).stderr).toContain('--limit 需要整数')
    expect(translateParseError('zh', 'Nonexistent flags: --a, --b\nSee more help with --help').message).toBe('未知的选项：--a, --b')
  })

  it('unit and handler lists, and --lang zh without the locale', async () => {
    expect((await runCommand(['unit', 'list'], {store, env: zh})).stdout.split('\n')[0]).toContain('代码')
    const h = await runCommand(['handler', 'list', '--lang', 'zh'], {store})
    expect(h.stdout.split('\n')[0]).toMatch(/代码.*名称.*单位.*在岗/)
    expect(h.stdout).toContain('是')
  })

  it('reasons services give in English: reply checks, duplicates, nested in a template', async () => {
    expect(localise('zh', 'states no concrete action, result or time')).toBe('没有写明具体措施、结果或时间')
    expect(localise('zh', 'only 12 characters (at least 30 expected)')).toBe('只有 12 个字（至少应有 30 个）')
    expect(localise('zh', 'case 7: no reply to send (draft one first)')).toBe('留言 7：没有可发送的答复（请先起草）')
    expect(localise('zh', 'same author 王五')).toBe('同一用户 王五')
    expect(localise('en', 'no case 3')).toBe('no case 3')
    expect(localise('zh', 'something board never says')).toBe('something board never says')
  })
})
