import Database from 'better-sqlite3'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {runCommand} from '../helpers/run-command.js'

// The small things clerks noticed (issue 15, finding 9).
const dir = mkdtempSync(join(tmpdir(), 'board-small-'))
const store = join(dir, 'b.db')
const env = {BOARD_NOW: '2020-03-01T00:00:00Z', BOARD_TZ: 'Asia/Shanghai'}

beforeAll(async () => {
  const csv = join(dir, 'm.csv')
  writeFileSync(csv, ['留言编号,留言用户,留言主题,留言时间,留言详情', '1,张,路灯不亮,2020-01-02 10:00:00,路灯坏了', '2,李,噪音扰民,2020-01-03 10:00:00,夜间施工', '3,王,噪音扰民二,2020-01-04 10:00:00,夜间施工'].join('\n') + '\n')
  expect((await runCommand(['import', csv, '--source', 's'], {store, env})).status).toBe(0)
  expect((await runCommand(['unit', 'add', 'u1', '--name', '住建局'], {store})).status).toBe(0)
  expect((await runCommand(['handler', 'add', 'h1', '--name', '张三', '--unit', 'u1', '--off-duty'], {store})).status).toBe(0)
  expect((await runCommand(['handler', 'add', 'h2', '--name', '李四', '--unit', 'u1', '--capacity', '1'], {store})).status).toBe(0)
}, 120_000)

describe('small things', () => {
  it('explicit assignment to an off-duty or full handler needs --force when not interactive', async () => {
    const off = await runCommand(['assign', '1', '--to', 'u1/h1'], {store, env})
    expect(off.status).toBe(2)
    expect(off.stderr).toContain('h1 is off duty')
    expect(off.stderr).toContain('--force')
    const full = await runCommand(['assign', '1', '2', '--to', 'u1/h2', '--yes'], {store, env})
    expect(full.status).toBe(2)
    expect(full.stderr).toMatch(/capacity of 1/)
    expect((await runCommand(['assign', '1', '--to', 'u1/h1', '--force'], {store, env})).status).toBe(0)
  })

  it('show prints when a case was resolved, and what was merged into it', async () => {
    const db = new Database(store)
    db.prepare("UPDATE cases SET status = 'closed', resolved_at = '2020-01-05T02:00:00.000Z' WHERE id = 2").run()
    db.prepare("UPDATE cases SET status = 'merged', merged_into = 2 WHERE id = 3").run()
    db.close()
    const r = await runCommand(['show', '2'], {store, env})
    expect(r.stdout).toContain('Resolved: 2020-01-05 10:00')
    expect(r.stdout).toContain('Merged into this case: #3')
    expect((await runCommand(['show', '3'], {store, env})).stdout).toContain('Merged into #2')
  })

  it('overdue --csv has a BOM and deadlines in the store zone, as export does', async () => {
    // Deadlines start at assignment: case 1, assigned now, is overdue by December.
    expect((await runCommand(['assign', '1', '--to', 'u1/h1', '--force'], {store, env})).status).toBe(0)
    const r = await runCommand(['overdue', '--csv', '--at', '2020-12-01'], {store, env})
    expect(r.status).toBe(0)
    expect(r.stdout.startsWith('\uFEFF')).toBe(true)
    const line = r.stdout.split('\n')[1]
    expect(line).toMatch(/\+08:00/)
  })
})
