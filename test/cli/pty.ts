import {spawnSync} from 'node:child_process'
import {join} from 'node:path'

import {shellQuote} from '../../src/cli/command-suggest.js'
import {cliEnv, ROOT} from '../helpers/run-cli.js'

// The built CLI in a pseudo-terminal (util-linux script(1)): stdin, stdout and stderr are a
// terminal of the given width, and the result is every byte the terminal received, as a person
// would see it (stdout and stderr interleaved, escape sequences included).

export const hasScript = spawnSync('script', ['--version']).status === 0

export interface PtyResult {
  status: number
  /** What reached the terminal, line ends normalised to \n. */
  screen: string
}

export function boardInPty(args: string[], opts: {store?: string; env?: Record<string, string>; input?: string; columns?: number} = {}): PtyResult {
  const argv = [process.execPath, join(ROOT, 'bin', 'run.js'), ...args].map(shellQuote).join(' ')
  const cmd = `stty cols ${opts.columns ?? 80} rows 40 2>/dev/null; exec ${argv}`
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
    input: opts.input ?? '',
    env: {...cliEnv({store: opts.store}), TERM: 'xterm', ...opts.env},
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  })
  return {status: r.status ?? -1, screen: (r.stdout ?? '').replace(/\r\n/g, '\n')}
}
