import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {localiseReason} from '../../src/cli/triage-card.js'
import {findDuplicates} from '../../src/domain/duplicates.js'
import {reminderText} from '../../src/services/sla/notify/message.js'
import {runCommand} from '../helpers/run-command.js'

// Issue 15, finding 6: under --lang zh a clerk reads Chinese, whole lines of it. Each run checks
// that what board says has no English words left in it, beyond what a user types (flags, command
// lines, codes).
const dir = mkdtempSync(join(tmpdir(), 'board-zh-'))
const store = join(dir, 'b.db')
const env = {BOARD_NOW: '2020-03-01T00:00:00Z', BOARD_TZ: 'Asia/Shanghai'}
const zh = (argv: string[]) => runCommand([...argv, '--lang', 'zh'], {store, env})

/** Runs of English words in what board printed, leaving out commands, flags and node's own warnings. */
function english(text: string): string[] {
  const prose = text
    .split('\n')
    .filter((l) => !/^\(node:\d+\)|^\(Use `node/.test(l))
    .join('\n')
    .replace(/board [a-z][\w -]*(?:…)?/g, '')
    .replace(/--[\w-]+(?:=\S+)?/g, '')
  return prose.match(/[A-Za-z]{2,}(?:[\s,;:]+[A-Za-z]{2,})+/g) ?? []
}

/** Fails with the command line and what it printed when it is not all Chinese. */
async function chinese(argv: string[], expectStatus?: number): Promise<string> {
  const r = await zh(argv)
  const said = r.stdout + r.stderr
  if (expectStatus !== undefined) expect(r.status, `${argv.join(' ')}\n${said}`).toBe(expectStatus)
  expect(english(said), `${argv.join(' ')}\n${said}`).toEqual([])
  return said
}

beforeAll(async () => {
  const csv = join(dir, 'm.csv')
  writeFileSync(csv, ['留言编号,留言用户,留言主题,留言时间,留言详情', '1,张,路灯不亮,2020-01-02 10:00:00,路灯坏了', '2,李,噪音扰民,2020-01-03 10:00:00,夜间施工噪音', '3,王,噪音扰民二,2020-01-04 10:00:00,夜间施工'].join('\n') + '\n')
  const imported = await runCommand(['import', csv, '--source', 's'], {store, env})
  expect(imported.status, imported.stderr).toBe(0)
  expect((await runCommand(['unit', 'add', 'u1', '--name', '住建局'], {store, env})).status).toBe(0)
  expect((await runCommand(['handler', 'add', 'h1', '--name', '张三', '--unit', 'u1'], {store, env})).status).toBe(0)
})

describe('--lang zh: what the issue names is Chinese', () => {
  it('errors and hints', async () => {
    expect(await chinese(['show', '999999'], 1)).toContain('错误: 没有编号为 999999 的留言')
    expect(await chinese(['show', 'abc'], 2)).toContain('提示: 请使用 board list 显示的编号')
  })

  it("oclif's parse errors, a missing argument's description included", async () => {
    expect(await chinese(['list', '--bogus'], 2)).toContain('未知的选项：--bogus')
    // The values a flag takes are what the user types, and stay as they are.
    expect((await zh(['list', '--status', 'nope'])).stderr).toMatch(/^错误: --status=nope 不是可选值之一：new, triaged, .*\n提示: 查看该命令的 --help\n$/)
    expect(await chinese(['list', '--limit', 'x'], 2)).toContain('需要整数')
    expect(await chinese(['show', '1', '2'], 2)).toContain('多余的参数')
    expect(await chinese(['show'], 2)).toContain('缺少 1 个必需参数：id')
  })

  it('the assign confirmation, and what assign refuses', async () => {
    expect(await chinese(['assign', '1', '2', '--to', 'u1'], 2)).toContain('按上面的计划交办 2 条留言')
    expect(await chinese(['assign', '1', '--to', 'nope'], 2)).toContain('没有单位 nope')
    expect(await chinese(['assign', '1', '--to', 'u1/nobody'], 2)).toContain('单位 u1 中没有办理人 nobody')
  })

  it('unit list and handler list headers', async () => {
    expect((await chinese(['unit', 'list'], 0)).split('\n')[0]).toMatch(/^代码\t/)
    expect((await chinese(['handler', 'list'], 0)).split('\n')[0]).toMatch(/代码.*名称.*单位.*在岗/)
  })

  it('reply check reasons', async () => {
    expect((await runCommand(['reply', 'draft', '2', '--body', '已收到。'], {store, env})).status).toBe(0)
    expect(await chinese(['reply', 'check', '2'])).toContain('没有写明具体措施、结果或时间')
  })

  it("the merge picker's reasons", () => {
    const at = '2020-01-03T02:00:00.000Z'
    const c = {id: 9, author: '李', title: '噪音扰民', body: '夜间施工噪音很大', postedAt: at}
    const dups = findDuplicates(c as never, [{...c, id: 2}] as never)
    const reasons = dups.flatMap((d) => d.reasons.map((r) => localiseReason(r, 'zh')))
    expect(reasons.length).toBeGreaterThan(0)
    expect(english(reasons.join('\n'))).toEqual([])
  })

  it('notification tails', () => {
    const r = {caseId: 7, title: '路灯', stage: 'resolve', dueAt: '2020-01-10T00:00:00Z', lateMs: 3_600_000, kind: 'late', step: 1, unit: 'u1', handler: 'h1', key: 'k'}
    const {text} = reminderText(r as never, 'Asia/Shanghai', 'zh')
    expect(text.split('\n').at(-1)).toMatch(/^（留言 7，办结时限/)
    expect(english(text)).toEqual([])
  })

  it('a code that happens to be an English word is left as typed', async () => {
    expect(await chinese(['assign', '1', '--to', 'source'], 2)).toContain('没有单位 source')
  })

  it("doctor's details and fixes", async () => {
    // The first column (ok, warn, FAIL) and the store's path are what scripts and admins match on.
    const said = (await zh(['doctor'])).stdout
    expect(said).toMatch(/^warn\t分拣\t分类模型\t没有分类模型：不提供分类建议\t请运行 board classifier train/m)
    expect(said).toMatch(/^ok\t库\t迁移\t库结构版本 \d+（最新 \d+）\t$/m)
    expect(english(said.replace(/^(?:ok|warn|FAIL)\t/gm, '').replace(/sqlite \S+/, ''))).toEqual([])
  })

  it('a status in a sentence is Chinese too', async () => {
    expect(await chinese(['reopen', '1', '--reason', '再看看'], 1)).toContain('留言 1 的状态为新留言')
    expect(await chinese(['wait', '1', '--resume'], 2)).toContain('留言 1 不在等待补充（状态：新留言）')
  })
})

describe('--lang zh: what services say from before the catalogue is Chinese', () => {
  it.each([
    [['transfer', '1', '--to', 'nope', '--reason', '不归我们管'], '没有单位 nope'],
    [['template', 'remove', 'nope', '--yes'], '没有模板 nope'],
    [['config', 'show', 'no.such'], '没有设置项 no.such'],
    [['reply', 'approve', '2'], '是该草稿的起草人'],
    [['reply', 'send', '1', '--approved'], '不能同时给出'],
    [['assign', '--where', 'colour=red', '--to', 'u1'], '未知的键 colour'],
    [['calendar', 'show', 'abc'], '“abc” 不是年份'],
    [['rate', '1'], '请使用 --satisfied 或 --unsatisfied'],
    [['supervise', '1', '--note', ' '], '请使用 --note 说明'],
  ])('board %s', async (argv, said) => {
    expect(await chinese(argv as string[])).toContain(said)
  })

  it('a hint that lists what may be typed keeps the list as typed', async () => {
    expect((await zh(['stats', '--by', 'colour'])).stderr).toBe('错误: --by：未知的维度“colour”\n提示: 可用：year, quarter, month, category, type, region, unit, handler, status\n')
  })
})
