import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../../src/cli/base-command.js'
import {type ConfigImportResult, importConfig} from '../../src/services/config-service.js'

export default class ConfigImport extends BoardCommand<typeof ConfigImport> {
  static override summary = 'Import shared settings (YAML) into the store'
  static override description = 'Every key is validated before anything is written; each change is an audit event.'
  static override examples = [
    {description: 'Apply the settings of a YAML file', command: '<%= config.bin %> config import team-settings.yaml'},
  ]
  static override args = {file: Args.string({required: true, description: 'YAML file, or - for stdin'})}
  static override flags = {'dry-run': Flags.boolean({description: 'validate and show what would change'})}

  async run(): Promise<ConfigImportResult> {
    const r = await importConfig(await this.store(), this.args.file, {actor: await this.actor(), now: this.now(), dryRun: this.flags['dry-run']})
    this.note(this.t(r.dryRun ? 'config.wouldChange' : 'config.changed', {changed: r.changed.join(', ') || this.t('word.nothing'), unchanged: r.unchanged.join(', ') || this.t('word.none')}))
    return r
  }
}
