import {spawn} from 'node:child_process'
import {join} from 'node:path'

/**
 * Starts `board db search-index` on its own, as `git gc --auto` does: it outlives this command and
 * writes to no terminal. Its store comes through the environment, not the command line, where
 * any user could read a password in a PostgreSQL URL. A second one finds the first at work and
 * ends at once.
 */
export function startBackgroundIndex(root: string, storeLocation: string): void {
  const child = spawn(process.execPath, [join(root, 'bin', 'run.js'), 'db', 'search-index'], {
    detached: true,
    stdio: 'ignore',
    env: {...process.env, BOARD_STORE: storeLocation},
  })
  child.on('error', () => {})
  child.unref()
}
