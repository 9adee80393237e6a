import Database from 'better-sqlite3'
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {ROOT} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

// Ctrl-C inside a triage sub-prompt (here: typing a reject reason) keeps the clerk's lease, as
// Ctrl-C on the card does: the message stays theirs and comes back to them first.
const hasTmux = spawnSync('tmux', ['-V']).status === 0
const session = `board-lease-${process.pid}`
const dir = mkdtempSync(join(tmpdir(), 'board-lease-'))
const store = join(dir, 'b.db')
const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8'})
const screen = () => tmux('capture-pane', '-p', '-t', session)

async function waitFor(pattern: RegExp): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (pattern.test(screen())) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${pattern}; screen:\n${screen()}`)
}

describe.skipIf(!hasTmux)('triage: Ctrl-C in a sub-prompt', () => {
  beforeAll(async () => {
    const csv = join(dir, 'm.csv')
    writeFileSync(csv, ['留言编号,留言用户,留言主题,留言时间,留言详情', '1,张,路灯不亮,2020-01-02 10:00:00,路灯坏了一周', '2,李,噪音扰民,2020-01-03 10:00:00,工地夜间施工'].join('\n') + '\n')
    expect((await runCommand(['import', csv, '--source', 's'], {store})).status).toBe(0)
  }, 60_000)
  afterAll(() => void spawnSync('tmux', ['kill-session', '-t', session]))

  it('keeps the lease on the message being decided', {timeout: 90_000}, async () => {
    const cmd = `cd ${ROOT} && BOARD_ACTOR=wang BOARD_CONFIG=${join(ROOT, '.no-config.json')} LANG=C NO_COLOR=1 node bin/run.js triage --store ${store}; echo EXIT=$?; sleep 300`
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', cmd)
    await waitFor(/Decision/)
    const id = Number(/^#(\d+) /m.exec(screen())![1])
    tmux('send-keys', '-t', session, 'Down', 'Down', 'Down', 'Enter') // reject
    await waitFor(/Reason/)
    tmux('send-keys', '-t', session, 'C-c')
    await waitFor(/EXIT=130/)
    const db = new Database(store, {readonly: true})
    const row = db.prepare('SELECT status, claimed_by FROM cases WHERE id = ?').get(id) as {status: string; claimed_by: string | null}
    db.close()
    expect(row).toEqual({status: 'new', claimed_by: 'wang'})
  })
})
