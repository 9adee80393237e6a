import {BoardCommand} from '../../src/cli/base-command.js'
import {renderTable} from '../../src/cli/render.js'
import {formatTime} from '../../src/cli/time-format.js'
import {listGrants} from '../../src/services/db-grant.js'
import type {RoleGrant} from '../../src/store/access.js'

export type DbGrantsResult = RoleGrant[]

export default class DbGrants extends BoardCommand<typeof DbGrants> {
  static override readOnly = true
  static override summary = 'List which PostgreSQL roles reach which units (db grant)'
  static override examples = [
    {description: 'Every grant, as JSON', command: '<%= config.bin %> db grants --json'},
  ]

  async run(): Promise<DbGrantsResult> {
    const grants = await listGrants(await this.store())
    if (grants.length === 0) this.note('no unit grants')
    else
      this.out(
        renderTable(grants, [
          {header: this.t('head.role'), value: (g) => g.role},
          {header: this.t('head.unit'), value: (g) => g.unit},
          {header: this.t('head.grantedBy'), value: (g) => g.grantedBy},
          {header: this.t('head.granted'), value: (g) => formatTime(g.grantedAt, this.tz)},
        ], {tty: this.tty, color: this.color}),
      )
    return grants
  }
}
