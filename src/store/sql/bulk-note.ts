import {hostname} from 'node:os'

// Whether the process that left a note in deferred_indexes (a bulk load under way) still runs:
// its index is then not built again behind its back.

/** This process, as a note in deferred_indexes names it. */
export const thisProcess = () => ({pid: process.pid, host: hostname()})

export function running(pid: number, host: string): boolean {
  if (host !== hostname()) return false // another host: only a moved file or a dead client leaves that
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
