import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import type {Unit} from '../../src/store/units.js'

export type UnitAddResult = Unit

export default class UnitAdd extends BoardCommand<typeof UnitAdd> {
  static override summary = 'Add or update a unit (单位)'
  static override examples = [
    {description: 'Add a province', command: '<%= config.bin %> unit add hn --name 湖南省 --kind province'},
    {description: 'Add a department under a city', command: '<%= config.bin %> unit add a-housing --name A市住房和城乡建设局 --parent a --kind department'},
  ]
  static override args = {code: Args.string({required: true, description: 'unit code (unique)'})}
  static override flags = {
    name: Flags.string({required: true, description: 'unit name'}),
    parent: Flags.string({description: 'parent unit code or name'}),
    kind: Flags.string({description: 'e.g. province, city, district, department, ministry'}),
    supervisor: Flags.string({description: 'who is escalated to (email or channel)'}),
  }

  async run(): Promise<UnitAddResult> {
    const store = await this.store()
    const unit = await store.units.upsert(
      {code: this.args.code, name: this.flags.name, parentCode: this.flags.parent, kind: this.flags.kind, supervisor: this.flags.supervisor},
      {actor: await this.actor(), now: this.now()},
    )
    this.note(`unit ${unit.code} (${unit.name}) saved`)
    return unit
  }
}
