import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {revokeAccess, type RevokeResult} from '../../src/services/db-grant.js'

export type DbRevokeResult = RevokeResult

export default class DbRevoke extends BoardCommand<typeof DbRevoke> {
  static override summary = 'Take a unit back from a PostgreSQL role granted it with db grant (the role itself is kept)'
  static override args = {role: Args.string({description: 'database role', required: true})}
  static override flags = {unit: Flags.string({description: 'unit code or name', required: true})}
  static override examples = [
    {description: 'Take unit A3 back from the role clerk_yuelu', command: '<%= config.bin %> db revoke clerk_yuelu --unit A3'},
  ]

  async run(): Promise<DbRevokeResult> {
    const result = await revokeAccess(await this.store(), {role: this.args.role, unit: this.flags.unit, actor: await this.actor(), now: this.now()})
    this.note(result.revoked ? `${result.role} no longer reaches unit ${result.unit}` : `${result.role} had no grant on unit ${result.unit}; nothing changed`)
    return result
  }
}
