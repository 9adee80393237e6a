import {spawnSync} from 'node:child_process'
import {join} from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')
/** The vendored public data the tests read (see test/fixtures/README.md). */
export const DATA = join(ROOT, 'test', 'fixtures')

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

/** Runs the built CLI as a user would, without a TTY. */
export function board(args: string[], opts: {store?: string; env?: Record<string, string>; input?: string} = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {
    encoding: 'utf8',
    input: opts.input ?? '',
    env: {
      ...process.env,
      BOARD_STORE: opts.store ?? '',
      BOARD_CONFIG: join(ROOT, '.no-config.json'),
      LANG: 'C',
      LC_ALL: '',
      NO_COLOR: '1',
      ...opts.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  })
  return {status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr}
}
