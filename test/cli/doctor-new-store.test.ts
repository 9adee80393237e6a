import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {runCommand} from '../helpers/run-command.js'

describe('doctor on a brand-new store', () => {
  it('passes: optional features (the classifier) warn, only core failures fail', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'board-doc-')), 'b.db')
    expect((await runCommand(['db', 'migrate'], {store})).status).toBe(0)
    const r = await runCommand(['doctor', '--json'], {store, env: {BOARD_NOW: '2024-03-01T00:00:00Z'}})
    expect(r.status, r.stdout + r.stderr).toBe(0)
    const checks = JSON.parse(r.stdout).checks as {name: string; ok: boolean; warning?: boolean}[]
    expect(checks.find((c) => c.name === 'classifier')).toMatchObject({ok: false, warning: true})
  })
})
