import {readdirSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'

import {ROOT, spawnAsync} from './helpers/run-cli.js'

// A run's scratch files go under one directory, removed when the run ends (helpers/temp-root.ts
// points TMPDIR, and tmux's TMUX_TMPDIR, at it; os.tmpdir() and every child follow). A path
// written as /tmp goes around it, and what is written there stays behind after the run.

const LITERAL = /(['"`])\/tmp(?=[/'"`])|join\(\s*(['"`])\/tmp\2/g

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === 'fixtures' ? [] : files(p)
    return /\.(ts|mjs)$/.test(f) ? [p] : []
  })
}

function literalTmp(source: string): string[] {
  return source.split('\n').filter((line) => line.match(LITERAL))
}

describe('scratch files', () => {
  it('no test names /tmp: each goes through os.tmpdir(), the run\'s own directory', () => {
    const found = files(join(ROOT, 'test'))
      .filter((f) => !f.endsWith('scratch-files.test.ts'))
      .flatMap((f) => literalTmp(readFileSync(f, 'utf8')).map((line) => `${relative(ROOT, f)}: ${line.trim()}`))
    expect(found).toEqual([])
  })

  it('a child spawned with an environment of its own still writes under the run\'s directory', async () => {
    expect(tmpdir()).toBe(process.env.BOARD_TEST_TMPDIR)
    const r = await spawnAsync(process.execPath, ['-p', "require('node:os').tmpdir() + ' ' + process.env.TMUX_TMPDIR"], {env: {PATH: process.env.PATH}})
    expect(r.stdout.trim()).toBe(`${tmpdir()} ${tmpdir()}`)
  })

  it('finds /tmp written as a path, and nothing else', () => {
    expect(literalTmp("rejectsPath: `/tmp/board-rejects-${process.pid}.csv`,")).toHaveLength(1)
    expect(literalTmp("const file = join('/tmp', 'x.csv')")).toHaveLength(1)
    expect(literalTmp("env: {HOME: '/tmp'}")).toHaveLength(1)
    expect(literalTmp("const dir = mkdtempSync(join(tmpdir(), 'board-'))")).toEqual([])
    expect(literalTmp("expect(r.stderr).toContain('/tmpfs')")).toEqual([])
  })
})
