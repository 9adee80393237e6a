import {spawn, spawnSync} from 'node:child_process'
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

/**
 * Runs without blocking this process: vitest's worker must keep answering its runner while the
 * CLI starts, which on a loaded machine takes long enough for a blocked worker to miss its calls.
 */
export function boardInPty(args: string[], opts: {store?: string; env?: Record<string, string>; input?: string; columns?: number} = {}): Promise<PtyResult> {
  const argv = [process.execPath, join(ROOT, 'bin', 'run.js'), ...args].map(shellQuote).join(' ')
  const cmd = `stty cols ${opts.columns ?? 80} rows 40 2>/dev/null; exec ${argv}`
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', cmd, '/dev/null'], {env: {...cliEnv({store: opts.store}), TERM: 'xterm', ...opts.env}, stdio: ['pipe', 'pipe', 'ignore']})
    let screen = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (screen += c))
    child.on('error', reject)
    child.on('close', (status) => resolve({status: status ?? -1, screen: screen.replace(/\r\n/g, '\n')}))
    child.stdin.end(opts.input ?? '')
  })
}
