// Long and bulk work stops only between items or batches, never inside one. A SQLite store answers
// synchronously, so a loop over it would never let Node run the Ctrl-C handler: stopHere() yields
// to the event loop first, then says whether to stop.

/** True when the work should stop here (the signal fired); yields so a pending Ctrl-C is seen. */
export async function stopHere(signal: AbortSignal | undefined): Promise<boolean> {
  if (!signal) return false
  await new Promise<void>((resolve) => setImmediate(resolve))
  return signal.aborted
}
