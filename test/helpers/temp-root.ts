import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

// Every scratch file of a run (tests' mkdtemp, the CLIs they spawn, the stores they make) under one
// directory that goes when the run ends, so a run leaves nothing behind in the system's /tmp.
// os.tmpdir() reads TMPDIR on each call, and the workers and their children inherit it.
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'board-test-'))
  process.env.TMPDIR = root
  return () => rmSync(root, {recursive: true, force: true})
}
