import type {Store} from '../store/store.js'

// Write batches grouped into larger transactions. At a million rows, each commit rewrites every
// index page its rows touched (the posted-time index is touched at random), so ten batches per
// commit write far fewer pages than ten commits. A group also ends after a couple of seconds, so
// other writers never wait long for the lock; Ctrl-C commits what is done and stops.

interface Open {
  tx: Store
  release: (error?: unknown) => void
  finished: Promise<void>
  rows: number
  since: number
}

export class GroupCommit {
  private open?: Open

  constructor(
    private readonly store: Store,
    private readonly maxRows: number,
    private readonly maxMs = 2000,
  ) {}

  /** The store to write the next batch through (inside the open group). */
  async writer(): Promise<Store> {
    if (!this.open) this.open = await this.begin()
    return this.open.tx
  }

  /** Counts a written batch; commits the group when it is big or old enough. */
  async wrote(rows: number): Promise<void> {
    if (!this.open) return
    this.open.rows += rows
    if (this.open.rows >= this.maxRows || performance.now() - this.open.since >= this.maxMs) await this.commit()
  }

  async commit(): Promise<void> {
    const open = this.open
    this.open = undefined
    if (!open) return
    open.release()
    await open.finished
  }

  async rollback(error: unknown): Promise<void> {
    const open = this.open
    this.open = undefined
    if (!open) return
    open.release(error)
    await open.finished.catch(() => {})
  }

  private async begin(): Promise<Open> {
    let hand!: (tx: Store) => void
    const started = new Promise<Store>((resolve) => (hand = resolve))
    let release!: (error?: unknown) => void
    const released = new Promise<void>((resolve, reject) => (release = (e) => (e === undefined ? resolve() : reject(e))))
    const finished = this.store.transaction(async (tx) => {
      hand(tx)
      await released
    })
    const ended = finished.then(() => {
      throw new Error('transaction ended before it was used')
    })
    const tx = await Promise.race([started, ended])
    return {tx, release, finished, rows: 0, since: performance.now()}
  }
}
