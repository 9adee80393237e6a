import {spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'

import {board, cliEnv, ROOT} from '../helpers/run-cli.js'

// The built CLI compiles its bundle with the V8 code cache the build made beside it
// (scripts/bundle-loader.js). A cache V8 will not take costs a start its compile, and silently:
// this is where that shows.
const LOADER = pathToFileURL(join(ROOT, 'dist', 'bundle', 'board.js')).href
const store = join(mkdtempSync(join(tmpdir(), 'board-code-cache-')), 'b.db')

/** Whether a process started with these V8 flags compiles the bundle without a cache. */
function missed(flags: string[]): string {
  const script = `const m = await import(${JSON.stringify(LOADER)}); process.stdout.write(String(m.codeCacheMissed()))`
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], {encoding: 'utf8', env: {...process.env, NODE_OPTIONS: ''}})
  expect(r.stderr).toBe('')
  return r.stdout
}

describe('the bundle code cache', () => {
  beforeAll(() => void board(['db', 'migrate'], {store}), 60_000)

  it('is taken by `node bin/run.js` and by the shebang, with its young-generation flag', () => {
    expect(missed([])).toBe('false')
    expect(missed(['--max-semi-space-size=4'])).toBe('false')
  })

  it('one that does not fit the flags is passed over, and the command runs as usual', () => {
    // --no-opt changes V8's flags, so the cache for no flags is rejected; a young generation of
    // another size finds no cache of its own at all.
    for (const flags of [['--no-opt'], ['--max-semi-space-size=8']]) {
      expect(missed(flags), flags.join(' ')).toBe('true')
      const r = spawnSync(process.execPath, [...flags, join(ROOT, 'bin', 'run.js'), 'list'], {encoding: 'utf8', env: cliEnv({store, env: {NODE_OPTIONS: ''}})})
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout).toBe('')
      expect(r.stderr, flags.join(' ')).toBe('no cases match\n')
    }
  })
})
