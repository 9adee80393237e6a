import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {confirmBulk} from '../../src/cli/confirm.js'
import {renderTable} from '../../src/cli/render.js'
import {InterruptedError} from '../../src/errors.js'
import {refusePasswordInArgv} from '../../src/cli/store-flag.js'
import {copyStore, type StoreCopyResult} from '../../src/services/store-copy.js'
import type {Store} from '../../src/store/store.js'

export type DbCopyResult = StoreCopyResult

export default class DbCopy extends BoardCommand<typeof DbCopy> {
  static override summary = 'Copy a whole store into another (SQLite ⇄ PostgreSQL), ids kept, counts checked'
  static override description = `Copies every table both stores have, parents before children, in one transaction on the target; new ids then continue after the copied ones. Both stores are migrated first. A non-empty target is refused unless --replace (which empties it; needs --yes when not interactive). Exit 1 when a count differs.
Passwords: not in --from/--to (they are visible to other users); use PGPASSWORD or ~/.pgpass.`
  static override flags = {
    from: Flags.string({description: 'source store: SQLite file or postgres://… URL', required: true}),
    to: Flags.string({description: 'target store: SQLite file or postgres://… URL', required: true}),
    replace: Flags.boolean({description: 'empty a non-empty target first'}),
    yes: Flags.boolean({description: 'confirm --replace without asking'}),
    'dry-run': Flags.boolean({description: 'show what would be copied'}),
  }
  static override examples = [
    {description: 'Move the default SQLite store to a shared PostgreSQL database', command: '<%= config.bin %> db copy --from ~/.local/share/board/board.db --to "postgres://admin@db/board?schema=board"'},
    {description: 'Back a PostgreSQL store up into a SQLite file', command: '<%= config.bin %> db copy --from postgres://admin@db/board --to backup.db'},
  ]

  async run(): Promise<DbCopyResult> {
    const {from, to} = this.flags
    refusePasswordInArgv(from, '--from')
    refusePasswordInArgv(to, '--to')
    if (this.flags.replace && !this.flags['dry-run']) {
      const what = `empty ${to} and replace it with ${from}`
      if (!(await confirmBulk(what, {json: this.json, yes: this.flags.yes}))) return this.abortCopy(from, to)
    }
    const {openStore} = await import('../../src/store/open.js')
    const stores: Store[] = []
    try {
      stores.push(await openStore(from, {now: this.now()}))
      stores.push(await openStore(to, {now: this.now()}))
      const result = await copyStore(stores[0], stores[1], {
        replace: this.flags.replace,
        dryRun: this.flags['dry-run'],
        onTable: (table, rows) => process.stderr.isTTY && process.stderr.write(`\r${table}: ${rows}   `),
        signal: this.abort.signal,
      }).catch((error: unknown) => {
        if (error instanceof InterruptedError) throw new InterruptedError(this.t('copy.rolledBack'), this.t('interrupt.again'))
        throw error
      })
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
      this.out(
        renderTable(result.tables, [
          {header: this.t('head.table'), value: (t) => t.table},
          {header: this.t('head.source'), value: (t) => t.source},
          {header: this.t('head.target'), value: (t) => (result.dryRun ? '' : t.target)},
          {header: this.t('head.ok'), value: (t) => (result.dryRun ? 'plan' : t.ok ? 'ok' : 'MISMATCH')},
        ], {tty: this.tty, color: this.color}),
      )
      if (result.skipped.length > 0) this.note(`not in both stores, not copied: ${result.skipped.join(', ')}`)
      this.note(result.dryRun ? this.t('copy.dryRun') : result.ok ? this.t('copy.done', {from: stores[0].location, to: stores[1].location}) : this.t('copy.differ'))
      if (!result.ok) process.exitCode = 1
      this.indexInBackground(to, result.searchWaiting)
      return result
    } finally {
      for (const s of stores) await s.close()
    }
  }

  private abortCopy(from: string, to: string): DbCopyResult {
    this.note('nothing copied')
    return {from, to, dryRun: true, replaced: false, tables: [], skipped: [], ok: true, searchWaiting: 0}
  }
}
