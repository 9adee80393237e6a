import {spawn} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {openStore} from '../../src/store/open.js'
import {backendList} from '../helpers/backends.js'
import {ROOT} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const ROWS = 30_000

function bigFile(dir: string): string {
  const lines = ['留言编号,留言用户,留言主题,留言时间,留言详情,一级标签']
  for (let i = 1; i <= ROWS; i++) lines.push(`${i},U${i},标题${i},2019-04-05 09:03:01,第${i}条留言的正文，用来测试中断后的重新导入。,城乡建设`)
  const file = join(dir, 'big.csv')
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

/** Starts an import, sends SIGINT once some batches are committed, and resolves with the exit code. */
async function interruptedImport(file: string, store: string, count: () => Promise<number>): Promise<{code: number | null; stderr: string}> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), 'import', file, '--source', 'big', '--batch-size', '10'], {
    env: {...process.env, BOARD_STORE: store, BOARD_CONFIG: join(ROOT, '.no-config.json'), LANG: 'C', LC_ALL: '', NO_COLOR: '1'},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  for (;;) {
    if ((await count()) > 0) break
    await new Promise((r) => setTimeout(r, 25))
  }
  child.kill('SIGINT')
  return {code: await exited, stderr}
}

describe.each(backendList)('an interrupted import on $name', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'board-interrupt-'))
  afterAll(async () => {
    rmSync(dir, {recursive: true, force: true})
    await backend.cleanup()
  })

  it('exits 130 with the committed batches kept; a re-run finishes with every row once', async () => {
    const file = bigFile(dir)
    const location = await backend.location()
    expect((await runCommand(['db', 'migrate'], {store: location})).status).toBe(0) // create and migrate the store first
    const store = await openStore(location, {now: new Date('2024-01-01T00:00:00Z')})
    try {
      const count = () => store.cases.count({source: 'big'})
      const r = await interruptedImport(file, location, count)
      expect(r.code, r.stderr).toBe(130)
      const partial = await count()
      expect(partial).toBeGreaterThan(0)
      expect(partial).toBeLessThan(ROWS)
      expect(partial % 10).toBe(0) // whole batches only

      const again = await runCommand(['import', file, '--source', 'big', '--json'], {store: location})
      expect(again.status, again.stderr).toBe(0)
      expect(JSON.parse(again.stdout).files[0]).toMatchObject({read: ROWS, inserted: ROWS - partial, unchanged: partial, rejected: 0})
      expect(await count()).toBe(ROWS)
      const refs = new Set((await store.cases.list({source: 'big'})).map((c) => c.ref))
      expect(refs.size).toBe(ROWS)
    } finally {
      await store.close()
    }
  }, 120_000)
})
