import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import type {Handler} from '../../src/store/units.js'

export type HandlerAddResult = Handler

export default class HandlerAdd extends BoardCommand<typeof HandlerAdd> {
  static override summary = 'Add or update a handler (办理人) in a unit'
  static override examples = [
    {description: 'Add a handler who takes at most 30 open cases', command: '<%= config.bin %> handler add zhang3 --name 张三 --unit a-housing --capacity 30'},
    {description: 'Mark the handler off duty', command: '<%= config.bin %> handler add zhang3 --name 张三 --unit a-housing --off-duty'},
  ]
  static override args = {code: Args.string({required: true, description: 'handler code (unique)'})}
  static override flags = {
    name: Flags.string({required: true, description: 'full name'}),
    unit: Flags.string({required: true, description: 'unit code or name'}),
    email: Flags.string({description: 'email address'}),
    'off-duty': Flags.boolean({description: 'not taking new cases'}),
    capacity: Flags.integer({min: 0, description: 'most open cases at once (default: no limit)'}),
  }

  async run(): Promise<HandlerAddResult> {
    const store = await this.store()
    const f = this.flags
    const h = await store.handlers.upsert(
      {code: this.args.code, name: f.name, unitCode: f.unit, email: f.email, onDuty: !f['off-duty'], capacity: f.capacity ?? null},
      {actor: await this.actor(), now: this.now()},
    )
    this.note(`handler ${h.code} (${h.name}) saved`)
    return h
  }
}
