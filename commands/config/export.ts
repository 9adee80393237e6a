import {BoardCommand} from '../../src/cli/base-command.js'
import {effectiveSettings} from '../../src/services/config-service.js'

export default class ConfigExport extends BoardCommand<typeof ConfigExport> {
  static override readOnly = true
  static override summary = 'Print the shared settings as YAML (the input of config import)'
  static override examples = [
    {description: 'Save the shared settings to a file, to edit and import', command: '<%= config.bin %> config export > team-settings.yaml'},
  ]

  async run(): Promise<Record<string, unknown>> {
    const settings = await effectiveSettings(await this.store())
    // A hidden setting is left out: its export would read back as a value to import.
    const doc = Object.fromEntries(Object.entries(settings).filter(([, v]) => !v.hidden).map(([k, v]) => [k, v.value]))
    const {stringify} = await import('yaml')
    this.out(Object.keys(doc).length > 0 ? stringify(doc) : '{}')
    return doc
  }
}
