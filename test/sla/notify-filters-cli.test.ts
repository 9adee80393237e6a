import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, expect, it} from 'vitest'

import {runCommand} from '../helpers/run-command.js'

// --notify applies every filter it accepts or refuses it (exit 2); it never ignores one. Needs `npm run build`.

const dir = mkdtempSync(join(tmpdir(), 'board-notify-flags-'))
const store = join(dir, 'board.db')
afterAll(() => rmSync(dir, {recursive: true, force: true}))

it('refuses --within and --fail-if-any with --notify', async () => {
  for (const flag of [['--within', '1h'], ['--fail-if-any']]) {
    const r = await runCommand(['overdue', '--notify', ...flag], {store})
    expect(r.status, r.stderr).toBe(2)
    expect(r.stderr).toContain(`${flag[0]} does not apply to --notify`)
  }
})

it('accepts --unit with --notify', async () => {
  const r = await runCommand(['overdue', '--notify', '--unit', 'nobody', '--json'], {store})
  expect(r.status, r.stderr).toBe(0)
  expect(JSON.parse(r.stdout).sent).toEqual([])
})
