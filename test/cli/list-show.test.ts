import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import stringWidth from 'string-width'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ListResult} from '../../commands/list.js'
import type {ShowResult} from '../../commands/show.js'
import {renderTable} from '../../src/cli/render.js'
import {backendList} from '../helpers/backends.js'
import {inTerminal} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const CSV = [
  '留言编号,留言用户,留言主题,留言时间,留言详情,一级标签,答复意见,答复时间',
  '1,A1,小区垃圾清运不及时,2019-04-05 09:03:01,三天无人清运。,城乡建设,已安排清运。,2019-04-08 10:00:00',
  '2,A2,Street light out 路灯,2019-04-06 20:15:00,一个月了。,交通运输,,',
].join('\n')

describe('renderTable on a terminal', () => {
  it('aligns Chinese, Latin and mixed text by display width, with controls stripped', async () => {
    const rows = [
      {id: 1, title: '小区垃圾清运不及时', who: '张三'},
      {id: 22, title: 'Street light out', who: 'Li'},
      {id: 333, title: '混合 mixed 文本\u001B[2J\u001B[31m', who: '王\u0007五'},
    ]
    const out = renderTable(rows, [{header: '编号', value: (r) => r.id}, {header: '留言主题', value: (r) => r.title}, {header: '办理人', value: (r) => r.who}], {tty: true, color: false})
    const lines = out.split('\n')
    expect(lines).toHaveLength(rows.length + 4) // top rule, header, rule, rows, bottom rule
    expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1)
    expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/)
    // Each column's separators sit at the same display column on every line.
    const cuts = (l: string) => [...l].reduce<number[]>((acc, ch, i, all) => (/[│┼┬┴┌┐└┘├┤]/.test(ch) ? [...acc, stringWidth(all.slice(0, i).join(''))] : acc), [])
    const first = cuts(lines[1])
    for (const l of lines) expect(cuts(l)).toEqual(first)
  })

  it('prints tab-separated lines when piped', async () => {
    const out = renderTable([{a: '甲', b: 'x\ty'}], [{header: 'A', value: (r) => r.a}, {header: 'B', value: (r) => r.b}], {tty: false, color: false})
    expect(out).toBe('A\tB\n甲\tx y')
  })
})

describe.each(backendList)('board list / show on $name', (backend) => {
  let store: string
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'board-list-'))
    store = await backend.location()
    writeFileSync(join(dir, 'm.csv'), CSV)
    const r = await runCommand(['import', join(dir, 'm.csv'), '--source', 's'], {store})
    expect(r.status, r.stderr).toBe(0)
  })
  afterAll(async () => {
    rmSync(dir, {recursive: true, force: true})
    await backend.cleanup()
  })

  it('list --json is an array of case objects with the documented fields', async () => {
    const r = await runCommand(['list', '--json'], {store})
    expect(r.status, r.stderr).toBe(0)
    const cases = JSON.parse(r.stdout) as ListResult
    expect(cases).toHaveLength(2)
    for (const c of cases) {
      for (const key of ['id', 'source', 'ref', 'title', 'postedAt', 'category', 'type', 'status', 'unit', 'handler', 'respondedAt', 'resolvedAt']) expect(c).toHaveProperty(key)
    }
    const replied = cases.find((c) => c.ref === '1')!
    expect(replied).toMatchObject({source: 's', title: '小区垃圾清运不及时', postedAt: '2019-04-05T01:03:01.000Z', category: '城乡建设', status: 'replied', respondedAt: '2019-04-08T02:00:00.000Z', resolvedAt: null, unit: null, handler: null})
    expect(cases.find((c) => c.ref === '2')).toMatchObject({status: 'new', respondedAt: null})
  })

  it('list --json prints [] and exits 0 when nothing matches; stdout stays data only', async () => {
    const r = await runCommand(['list', '--json', '--category', '没有这个分类'], {store})
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
    const plain = await runCommand(['list', '--category', '没有这个分类'], {store})
    expect(plain.stdout).toBe('')
    expect(plain.stderr).toMatch(/no cases match/)
  })

  it('show --json has the case, its replies and its events', async () => {
    const r = await runCommand(['show', 's/1', '--json'], {store})
    expect(r.status, r.stderr).toBe(0)
    const d = JSON.parse(r.stdout) as ShowResult
    expect(d.case.ref).toBe('1')
    expect(d.replies.map((x) => x.body)).toEqual(['已安排清运。'])
    expect(d.events.map((e) => e.action)).toEqual(['import.create'])
  })

  // util-linux `script` gives the CLI a real terminal, so this is the table a clerk sees.
  it.skipIf(!existsSync('/usr/bin/script'))('on a terminal, list is a table aligned by display width, in Chinese', async () => {
    const r = await inTerminal(['list', '--source', 's'], {store, env: {LANG: 'zh_CN.UTF-8'}})
    expect(r.status, r.stderr).toBe(0)
    const lines = r.stdout.replace(/\r/g, '').split('\n').filter((l) => l !== '')
    expect(lines).toHaveLength(6) // top rule, header, rule, two rows, bottom rule (none between rows)
    expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1)
    expect(lines[1]).toMatch(/│ 编号 +│ 留言编号 │ 留言时间 +│ 留言主题 +│ 分类 +│ 状态 +│ 单位 │ 办理人 │/)
    expect(r.stdout).toContain('已答复')
    expect(r.stdout).not.toContain('\t')
  })

  it('speaks Chinese when LANG is zh_CN.UTF-8, English with --lang en', async () => {
    const zh = {LANG: 'zh_CN.UTF-8'}
    const list = await runCommand(['list', '--source', 's'], {store, env: zh})
    expect(list.stdout.split('\n')[0].split('\t')).toEqual(['编号', '留言编号', '留言时间', '留言主题', '分类', '状态', '单位', '办理人'])
    expect(list.stdout).toContain('已答复')
    expect((await runCommand(['list', '--source', 'none'], {store, env: zh})).stderr).toMatch(/没有符合条件的留言/)
    const show = await runCommand(['show', 's/1'], {store, env: zh})
    expect(show.stdout).toMatch(/留言详情/)
    expect(show.stdout).toMatch(/办理记录/)
    const again = await runCommand(['import', join(dir, 'm.csv'), '--source', 's'], {store, env: zh})
    expect(again.stderr).toMatch(/读取 2，新增 0，更新 0，未变 2/)
    expect(again.stderr).toMatch(/无变化/)
    expect((await runCommand(['show', '999999'], {store, env: zh})).stderr).toMatch(/^错误/m)
    expect((await runCommand(['list', '--source', 'none', '--lang', 'en'], {store, env: zh})).stderr).toMatch(/no cases match/)
  })
})
