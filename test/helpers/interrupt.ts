// Ctrl-C at a chosen item or batch boundary, in-process. A test file swaps in a counting
// boundary module:
//
//   vi.mock('../../src/services/boundary.js', async (real) => (await import('../helpers/interrupt.js')).countingBoundary(await real()))
//
// and calls interruptAt(n) before runCommand: at the n-th boundary a service checks, the SIGINT
// handlers the command installed (src/cli/interrupts.ts) run, as a real Ctrl-C would run them,
// and the service then sees the stop through the one rule. Other SIGINT listeners in the test
// process (the runner's own) are left alone.

type Boundary = {stopHere(signal: AbortSignal | undefined): Promise<boolean>}
type Listener = (signal: NodeJS.Signals) => void

let armed: {at: number; seen: number; before: Set<Listener>} | undefined

/** The next command run is interrupted at its n-th boundary (1: before the first item or batch). */
export function interruptAt(n: number): void {
  armed = {at: n, seen: 0, before: new Set(process.listeners('SIGINT') as Listener[])}
}

/** Boundaries checked since interruptAt (for a run that ended before reaching n). */
export function disarm(): number {
  const seen = armed?.seen ?? 0
  armed = undefined
  return seen
}

export function countingBoundary<T extends Boundary>(real: T): T {
  return {
    ...real,
    async stopHere(signal: AbortSignal | undefined) {
      if (signal && armed && ++armed.seen === armed.at) {
        const fresh = (process.listeners('SIGINT') as Listener[]).filter((l) => !armed!.before.has(l))
        armed = undefined
        for (const l of fresh) l('SIGINT')
      }
      return real.stopHere(signal)
    },
  }
}
