import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {grantAccess} from '../../src/services/db-grant.js'
import type {GrantResult} from '../../src/store/access.js'

export type DbGrantResult = GrantResult

export default class DbGrant extends BoardCommand<typeof DbGrant> {
  static override summary = 'Let a PostgreSQL role see and change only one unit\'s cases (and its sub-units\'), enforced by the database'
  static override description = `Creates the role (LOGIN, no password) when it does not exist, grants it the board tables, and records the unit in unit_grants; row-level security then limits it to the cases of that unit and every unit below it, with their events, replies and ratings. Events it writes carry its own name as actor. Repeat for more units. --admin makes the role a member of board_admin, which sees everything (so do the tables' owner and superusers).
Run as the tables' owner with CREATEROLE (or a superuser). PostgreSQL stores only.`
  static override args = {role: Args.string({description: 'database role (letters, digits, _)', required: true})}
  static override flags = {
    unit: Flags.string({description: 'unit code or name', exclusive: ['admin']}),
    admin: Flags.boolean({description: 'make the role a board admin (sees all units)', exclusive: ['unit']}),
  }
  static override examples = [
    {description: 'Let the role clerk_yuelu work on the cases of unit A3 and its sub-units', command: '<%= config.bin %> db grant clerk_yuelu --unit A3 --store postgres://admin@db/board'},
    {description: 'Let the role chief reach every unit', command: '<%= config.bin %> db grant chief --admin'},
  ]

  async run(): Promise<DbGrantResult> {
    const store = await this.store()
    const result = await grantAccess(store, {role: this.args.role, unit: this.flags.unit, admin: this.flags.admin, actor: await this.actor(), now: this.now()})
    const what = result.admin ? this.t('grant.allUnits') : this.t('grant.unit', {code: result.unit!.code, name: result.unit!.name, n: result.units})
    this.note(this.t(result.created ? 'grant.createdRole' : 'grant.role', {role: result.role, what}))
    return result
  }
}
