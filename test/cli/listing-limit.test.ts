import Database from 'better-sqlite3'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import stringWidth from 'string-width'
import {beforeAll, describe, expect, it} from 'vitest'

import {listingLimit} from '../../src/cli/listing-limit.js'
import {runCommand} from '../helpers/run-command.js'
import {boardInPty, hasScript} from './pty.js'

const dir = mkdtempSync(join(tmpdir(), 'board-listing-'))
const store = join(dir, 'b.db')
const N = 77

beforeAll(async () => {
  const csv = join(dir, 'm.csv')
  const long = '关于小区门口道路长期积水严重影响居民出行安全的问题反映及处理建议'
  const rows = Array.from({length: N}, (_, i) => `${i + 1},u${i},${long}${i},2020-01-02 10:${String(i % 60).padStart(2, '0')}:00,正文${i},城乡建设`)
  writeFileSync(csv, ['留言编号,留言用户,留言主题,留言时间,留言详情,一级标签', ...rows].join('\n') + '\n')
  expect((await runCommand(['import', csv, '--source', 's'], {store})).status).toBe(0)
  expect((await runCommand(['unit', 'add', 'u1', '--name', '住建局'], {store})).status).toBe(0)
  const db = new Database(store)
  db.prepare("UPDATE cases SET status = 'triaged'").run()
  db.close()
}, 120_000)

describe('one paging rule for listings', () => {
  it('piped or --json: every match unless --limit; on a terminal: a screenful', () => {
    expect(listingLimit({limit: undefined, tty: false, json: false})).toEqual({limit: undefined, screen: false})
    expect(listingLimit({limit: undefined, tty: true, json: true})).toEqual({limit: undefined, screen: false})
    expect(listingLimit({limit: undefined, tty: true, json: false})).toEqual({limit: 50, screen: true})
    expect(listingLimit({limit: 0, tty: true, json: false})).toEqual({limit: undefined, screen: false})
    expect(listingLimit({limit: 7, tty: false, json: true})).toEqual({limit: 7, screen: false})
  })

  it("the README's pipeline assigns all 77 cases, not 50", async () => {
    const listed = await runCommand(['list', '--status', 'triaged', '--json'], {store})
    expect(listed.status).toBe(0)
    expect(JSON.parse(listed.stdout)).toHaveLength(N)
    // The pipe's second half reads what the first wrote, as `list --json | assign --ids -` does.
    const r = await runCommand(['assign', '--ids', '-', '--to', 'u1', '--yes'], {store, input: listed.stdout})
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain(`assigned ${N}, failed 0`)
  })

  it('piped TSV lists every case; --limit still cuts', async () => {
    expect((await runCommand(['list'], {store})).stdout.trim().split('\n')).toHaveLength(N + 1)
    expect(JSON.parse((await runCommand(['list', '--json', '--limit', '10'], {store})).stdout)).toHaveLength(10)
  })

  it.skipIf(!hasScript)('on an 80-column terminal: 50 rows that fit the width, and how many more', async () => {
    const r = await boardInPty(['list', '--store', store], {columns: 80})
    expect(r.status).toBe(0)
    expect(r.screen).toContain('showing 50 of 77; 27 more')
    const rows = r.screen.split('\n').filter((l) => /^│\s*\d+/.test(l))
    expect(rows).toHaveLength(50)
    for (const l of r.screen.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80)
  })
})
