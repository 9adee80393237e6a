import {accessSync, closeSync, constants, copyFileSync, existsSync, mkdtempSync, openSync, readSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'

// A WAL-mode store this user may not write. When its -wal and -shm files are there (a writer has
// it open, or one stopped without closing it), SQLite reads it in place without writing anything:
// it takes the committed pages from the -wal, through the -shm read-only or, when no writer is
// attached, through an index it builds in memory. When they are not there (the store was closed
// cleanly, all of it is in the main file), SQLite would have to create them beside the file, and
// this build has no URI filenames for immutable=1: such a store is read from a private copy, taken
// when the command starts.

/** Whether SQLite can read this WAL-mode file in place, creating nothing: its -wal and -shm are there to read. */
export function readableInPlace(path: string): boolean {
  try {
    for (const f of [path + '-wal', path + '-shm']) accessSync(f, constants.R_OK)
    return true
  } catch {
    return false
  }
}

/** Whether the file is in WAL mode (header bytes 18–19 are 2). */
export function isWalFile(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const header = Buffer.alloc(20)
    return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2 && header[19] === 2
  } finally {
    closeSync(fd)
  }
}

/** A private copy of the file (and its -wal, if any) to read; remove() deletes it. */
export function readableCopy(path: string): {path: string; remove: () => void} {
  const dir = mkdtempSync(join(tmpdir(), 'board-read-'))
  const copy = join(dir, basename(path))
  copyFileSync(path, copy)
  if (existsSync(path + '-wal')) copyFileSync(path + '-wal', copy + '-wal')
  return {path: copy, remove: () => rmSync(dir, {recursive: true, force: true})}
}
