import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import type {LocalConfig} from '../src/cli/local-config.js'
import {configLocale} from '../src/cli/run-lang.js'

// board's own `board help`, in place of plugin-help's, which knows none of the global flags: a
// command like any other, so --lang (and the locale, and the config file) choose its language
// as they do everywhere, in the base command.
export default class Help extends BoardCommand<typeof Help> {
  static override description = 'Display help for <%= config.bin %>.'
  static override enableJsonFlag = false
  static override strict = false
  static override args = {command: Args.string({description: 'Command to show help for.', required: false})}
  static override flags = {'nested-commands': Flags.boolean({char: 'n', description: 'Include all nested commands in the output.'})}

  /** Help still helps beside a broken config file, as `board COMMAND --help` does; only its locale counts here. */
  protected override readLocal(): LocalConfig {
    return {locale: configLocale(this.config.configDir)}
  }

  async run(): Promise<void> {
    // The help class and its catalogue load only when help is shown.
    const {default: BoardHelp} = await import('../src/cli/help/board-help.js')
    await new BoardHelp(this.config, {all: this.flags['nested-commands'], lang: this.lang}).showHelp(this.positional)
  }
}
