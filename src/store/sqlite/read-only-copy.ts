import {copyFileSync, existsSync, mkdtempSync, openSync, readSync, closeSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'

// SQLite reads a WAL-mode file only where it may create the -shm index beside it, so a store file
// (or folder) this user may not write cannot even be listed in place. Reading needs no write
// access: such a store is read from a private copy, taken when the command starts.

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
