import {chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {inTerminal} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

// `script` gives the CLI a pseudo-terminal, the only way $EDITOR is ever opened.
describe.skipIf(!existsSync('/usr/bin/script'))('reply draft with $EDITOR on a terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'board-editor-'))
  const store = join(dir, 'b.db')
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('opens $EDITOR on the current draft and saves what it wrote as a new version', async () => {
    writeFileSync(join(dir, 'm.csv'), '留言编号,留言主题,留言时间,留言详情\n1,路灯不亮,2024-02-27 20:00:00,路灯坏了一个月\n')
    expect((await runCommand(['import', join(dir, 'm.csv'), '--source', 's'], {store})).status).toBe(0)
    expect((await runCommand(['reply', 'draft', 's/1', '--body', '初稿'], {store})).status).toBe(0)
    const editor = join(dir, 'ed.sh')
    // Appends to what the editor was given, so the test also sees that the current draft was loaded.
    writeFileSync(editor, '#!/bin/sh\nprintf "，经核实已于3月1日修复。" >> "$1"\n')
    chmodSync(editor, 0o755)
    const r = await inTerminal(['reply', 'draft', 's/1'], {store, env: {EDITOR: editor, BOARD_NO_INPUT: ''}})
    expect(r.status).toBe(0)
    const shown = JSON.parse((await runCommand(['reply', 'show', 's/1', '--json'], {store})).stdout)
    expect(shown.current.versions.map((v: {body: string}) => v.body)).toEqual(['初稿', '初稿，经核实已于3月1日修复。'])
  })
})
