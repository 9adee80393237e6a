import {AsyncLocalStorage} from 'node:async_hooks'

/**
 * One connection carries one transaction at a time. A nested call from inside a transaction joins
 * it; a call from another async flow (say, one of several sends under Promise.all) waits its turn
 * instead of silently joining, so one flow's rollback can never undo another's work.
 */
export class TxScope {
  private readonly inside = new AsyncLocalStorage<true>()
  private tail: Promise<void> = Promise.resolve()

  /** Whether the calling async flow is inside a transaction of this connection. */
  get active(): boolean {
    return this.inside.getStore() === true
  }

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

/**
 * The executor handed to a transaction's callback: its transaction() joins the open one, so a
 * handle kept and used outside the callback's async flow (a group commit spanning batches) joins
 * instead of queueing behind itself.
 */
export function joinedExecutor<E extends object & {transaction: unknown}>(target: E): E {
  const proxy: E = new Proxy(target, {
    get(t, prop) {
      if (prop === 'transaction') return (fn: (tx: E) => unknown) => fn(proxy)
      const value = Reflect.get(t, prop, t)
      return typeof value === 'function' ? value.bind(t) : value
    },
  })
  return proxy
}
