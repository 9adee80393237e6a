import {AsyncLocalStorage} from 'node:async_hooks'

/**
 * One connection carries one transaction at a time. A nested call from inside a transaction joins
 * it; a call from another async flow (say, one of several sends under Promise.all) waits its turn
 * instead of silently joining, so one flow's rollback can never undo another's work.
 */
export class TxScope {
  private readonly inside = new AsyncLocalStorage<true>()
  private tail: Promise<void> = Promise.resolve()

  async run<T>(tx: {begin(): Promise<void>; commit(): Promise<void>; rollback(): Promise<void>}, fn: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return fn()
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    try {
      return await this.inside.run(true, async () => {
        await tx.begin()
        try {
          const result = await fn()
          await tx.commit()
          return result
        } catch (error) {
          await tx.rollback()
          throw error
        }
      })
    } finally {
      release()
    }
  }
}
