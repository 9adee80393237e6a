import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {formatTime} from '../../src/cli/time-format.js'
import type {MigrationStatus} from '../../src/store/sql/migrate.js'

export default class DbStatus extends BoardCommand<typeof DbStatus> {
  static override readOnly = true
  static override summary = 'Show the store\'s backend and applied migrations'
  static override examples = [
    {description: 'The backend and the migrations, as JSON', command: '<%= config.bin %> db status --json'},
  ]

  async run(): Promise<MigrationStatus & {backend: string; location: string}> {
    const {openStore} = await import('../../src/store/open.js')
    // Status must not change what it reports on: open without migrating.
    const store = await openStore(this.storeLocation(), {now: this.now(), migrate: false})
    try {
      const status = await store.migrationStatus()
      this.out(
        renderTable(
          [...status.applied.map((m) => ({...m, state: 'applied'})), ...status.pending.map((m) => ({...m, appliedAt: '', state: 'pending'}))],
          [
            {header: this.t('head.version'), value: (m) => m.version},
            {header: this.t('head.name'), value: (m) => m.name},
            {header: this.t('head.state'), value: (m) => m.state},
            {header: this.t('head.applied'), value: (m) => formatTime(m.appliedAt || null, this.tz)},
          ],
          {tty: this.tty, color: this.color},
        ),
      )
      this.note(`${store.backend} ${store.location}: schema version ${status.current} of ${status.latest}`)
      return {...status, backend: store.backend, location: store.location}
    } finally {
      await store.close()
    }
  }
}
