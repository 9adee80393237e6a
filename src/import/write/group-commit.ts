import type {Store} from '../../store/store.js'

// Write batches grouped into larger transactions. At a million rows, each commit rewrites every
// index page its rows touched (the posted-time index is touched at random), so ten batches per
// commit write far fewer pages than ten commits. A group also ends after a couple of seconds, so
// other writers never wait long for the lock; Ctrl-C commits what is done and stops.
// Each batch runs inside the transaction's own async flow: the store queues a call from any other
// flow behind the open transaction (so handing the tx out would wait on itself for ever).

type Job = (tx: Store) => Promise<void>

/** The pause between groups on SQLite in which a waiting writer can take the lock. */
const HANDOVER_MS = 25
type Message = Job | {end: true; error?: unknown}

interface Open {
  post: (m: Message) => void
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

  /** Runs one batch's writes inside the open group (opening one if needed). */
  async write<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (!this.open) this.open = this.begin()
    const open = this.open
    return new Promise<T>((resolve, reject) => {
      open.finished.catch(reject)
      open.post(async (tx) => {
        try {
          resolve(await fn(tx))
        } catch (error) {
          reject(error)
          throw error
        }
      })
    })
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
    open.post({end: true})
    await open.finished
    // SQLite's lock is not fair: begun again at once, the next group would keep every other
    // writer (a clerk's triage, waiting in short sleeps) out until the whole import ends.
    if (this.store.backend === 'sqlite') await new Promise((resolve) => setTimeout(resolve, HANDOVER_MS))
  }

  async rollback(error: unknown): Promise<void> {
    const open = this.open
    this.open = undefined
    if (!open) return
    open.post({end: true, error: error ?? new Error('rolled back')})
    await open.finished.catch(() => {})
  }

  private begin(): Open {
    const queue: Message[] = []
    let wake: (() => void) | undefined
    const post = (m: Message) => {
      queue.push(m)
      wake?.()
    }
    const finished = this.store.transaction(async (tx) => {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve))
        const m = queue.shift()!
        if (typeof m === 'function') await m(tx)
        else if (m.error !== undefined) throw m.error
        else return
      }
    })
    return {post, finished, rows: 0, since: performance.now()}
  }
}
