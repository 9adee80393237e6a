import {BoardCommand} from '../../src/cli/base-command.js'
import type {MigrationStatus} from '../../src/store/sql/migrate.js'

export default class DbMigrate extends BoardCommand<typeof DbMigrate> {
  static override summary = 'Bring the store\'s schema up to date (every command also does this on open)'
  static override examples = [
    {description: 'Migrate a PostgreSQL store', command: '<%= config.bin %> db migrate --store postgres://board@db.example/board'},
  ]

  async run(): Promise<MigrationStatus> {
    const status = await (await this.store()).migrate(this.now())
    this.note(`schema version ${status.current} of ${status.latest}`)
    return status
  }
}
