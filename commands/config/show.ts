import * as Args from '@oclif/core/args'

import {BoardCommand} from '../../src/cli/base-command.js'
import {configPath} from '../../src/cli/local-config.js'
import {type EffectiveSetting, effectiveSettings} from '../../src/services/config-service.js'
import {NotFoundError} from '../../src/errors.js'

export interface ConfigShowResult {
  local: {file: string; store: string; timezone: string; lang: string}
  shared: Record<string, EffectiveSetting>
}

export default class ConfigShow extends BoardCommand<typeof ConfigShow> {
  static override readOnly = true
  static override summary = 'Show machine-local settings and the shared settings in the store'
  static override examples = [
    {description: 'Every setting, local and shared', command: '<%= config.bin %> config show'},
    {description: 'One shared setting, as JSON', command: '<%= config.bin %> config show sla.policy --json'},
  ]
  static override args = {key: Args.string({description: 'one shared setting'})}

  async run(): Promise<ConfigShowResult> {
    const shared = await effectiveSettings(await this.store())
    if (this.args.key && !(this.args.key in shared)) throw new NotFoundError(`no setting ${this.args.key}`)
    const picked = this.args.key ? {[this.args.key]: shared[this.args.key]} : shared
    const local = {file: configPath(this.config.configDir), store: this.storeLocation(), timezone: this.tz, lang: this.lang}
    const {stringify} = await import('yaml')
    const lines = [`# local (${local.file})`, `store: ${local.store}`, `timezone: ${local.timezone}`, `lang: ${local.lang}`, '', '# shared (in the store)']
    for (const [k, v] of Object.entries(picked)) {
      if (v.hidden) lines.push(`${k}: # ${this.t('config.hidden')}`)
      else lines.push(`${k}:${v.stored ? '' : ' # default'}`, stringify(v.value).replace(/^/gm, '  ').trimEnd())
    }
    this.out(lines.join('\n'))
    return {local, shared: picked}
  }
}
