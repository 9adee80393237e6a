import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'

import {runCommand} from '../helpers/run-command.js'

// board flag from a script: --json per-case results, --yes for many cases, exit codes. Needs `npm run build`.

const dir = mkdtempSync(join(tmpdir(), 'board-flag-'))
const store = join(dir, 'board.db')
afterAll(() => rmSync(dir, {recursive: true, force: true}))
beforeAll(async () => {
  const csv = join(dir, 'm.csv')
  writeFileSync(csv, '留言编号,留言用户,留言主题,留言时间,留言详情\n1,a,围墙倒塌,2024-03-04 09:00:00,几十户受影响\n2,b,路灯不亮,2024-03-04 09:10:00,路灯坏了\n')
  expect((await runCommand(['import', csv, '--source', 'web'], {store})).status).toBe(0)
})

it('flags one case and prints its flags and deadlines as JSON', async () => {
  const r = await runCommand(['flag', '1', '--urgent', '--collective', '--reason', '电话反映', '--json'], {store, env: {BOARD_NOW: '2024-03-04T02:00:00Z'}})
  expect(r.status, r.stderr).toBe(0)
  const out = JSON.parse(r.stdout)
  expect(out.succeeded).toMatchObject([{id: 1, changed: true, flags: {urgent: true, collective: true}}])
  const show = JSON.parse((await runCommand(['show', '1', '--json'], {store})).stdout)
  expect(show.events.map((e: {action: string}) => e.action)).toContain('flag')
})

it('many cases without a terminal need --yes; no flag is a usage error; a missing case exits 1', async () => {
  expect((await runCommand(['flag', '1', '2', '--no-urgent'], {store})).status).toBe(2)
  expect((await runCommand(['flag', '1'], {store})).status).toBe(2)
  const r = await runCommand(['flag', '1', '2', '99', '--no-urgent', '--yes', '--json'], {store})
  expect(r.status).toBe(1)
  expect(JSON.parse(r.stdout).failed).toEqual([{id: 99, reason: 'no such case'}])
})
