import {chmodSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

// Every scratch file of a run (tests' mkdtemp, the CLIs they spawn, the stores they make) under one
// directory that goes when the run ends, so a run leaves nothing behind in the system's /tmp.
// os.tmpdir() reads TMPDIR on each call, and the workers and their children inherit it; tmux
// keeps its server's socket where TMUX_TMPDIR says. A test names no /tmp path of its own
// (test/scratch-files.test.ts), and run-cli.ts hands the directory to every child it spawns.
export default function setup(): () => void {
  // vitest runs a global setup for each project as well: one directory for the whole run.
  if (process.env.BOARD_TEST_TMPDIR) return () => {}
  const root = mkdtempSync(join(tmpdir(), 'board-test-'))
  // Open to every user, as /tmp is: some tests run the CLI as another user against their files.
  chmodSync(root, 0o1777)
  process.env.TMPDIR = root
  process.env.TMUX_TMPDIR = root
  process.env.BOARD_TEST_TMPDIR = root
  return () => rmSync(root, {recursive: true, force: true})
}
