import type {Command} from '@oclif/core/command'
import {CommandHelp, Help} from '@oclif/core/help'
import type {Config, HelpOptions, Topic} from '@oclif/core/interfaces'
import {colorize} from '@oclif/core/ux'
import {stripVTControlCharacters} from 'node:util'

import type {Lang} from '../../i18n/translate.js'
import {configLocale, runLang} from '../run-lang.js'
import {guardTerminal} from '../terminal-output.js'
import {HelpText} from './help-text.js'

// oclif's help (`board --help`, `board COMMAND --help`, `board help COMMAND`) in the user's
// language, chosen as every command chooses it (run-lang.ts). `board help` is a board command
// (commands/help.ts), which hands over the language its base command chose.
// oclif loads this class only to show help (package.json oclif.helpClass), and this class loads
// the Chinese catalogue only when it is the language, so an ordinary run reads neither.

/** The words of oclif's flag and argument lines, by the help catalogue's key. */
const MARKS: [key: string, en: string][] = [
  ['@mark.required', '(required)'],
  ['@mark.default', '[default: '],
  ['@mark.env', 'env: '],
  ['@mark.options', '<options: '],
]

class BoardCommandHelp extends CommandHelp {
  constructor(
    command: Command.Loadable,
    config: Config,
    opts: HelpOptions,
    private readonly text: HelpText,
  ) {
    super(command, config, opts)
  }

  override section(header: string, body: Parameters<CommandHelp['section']>[1]): string {
    // A flag group's heading ("GLOBAL FLAGS") is one entry too.
    return super.section(this.text.heading(header), body)
  }

  protected override flags(flags: Array<Command.Flag.Any>): [string, string | undefined][] | undefined {
    return super.flags(flags)?.map(([left, right]) => [left, right === undefined ? right : this.marks(right)])
  }

  protected override args(args: Command.Arg.Any[]): [string, string | undefined][] | undefined {
    return super.args(args)?.map(([left, right]) => [left, right === undefined ? right : this.marks(right)])
  }

  private marks(line: string): string {
    return MARKS.reduce((s, [key, en]) => s.replace(en, this.text.word(key, en)), line)
  }
}

export interface BoardHelpOptions extends Partial<HelpOptions> {
  /** The language a command has chosen already; else it is chosen from the words shown help for. */
  lang?: Lang
}

export default class BoardHelp extends Help {
  private text = new HelpText('en')
  private readonly lang?: Lang

  constructor(config: Config, opts: BoardHelpOptions = {}) {
    super(config, opts)
    this.lang = opts.lang
  }

  override async showHelp(argv: string[]): Promise<void> {
    guardTerminal()
    // A broken config file is reported by the command that needs it; help still helps.
    const lang = this.lang ?? runLang(argv, configLocale(this.config.configDir))
    if (lang !== 'en') this.text = new HelpText(lang, (await import('../../i18n/messages/help.js')).help)
    await super.showHelp(argv)
  }

  protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
    return new BoardCommandHelp(command, this.config, this.opts, this.text)
  }

  override section(header: string, body: Parameters<Help['section']>[1]): string {
    return super.section(this.text.heading(header), body)
  }

  protected override summary(c: Command.Loadable): string | undefined {
    return super.summary(this.text.command(c))
  }

  protected override formatCommand(command: Command.Loadable): string {
    return super.formatCommand(this.text.command(command))
  }

  protected override formatCommands(commands: Command.Loadable[]): string {
    return super.formatCommands(commands.map((c) => this.text.command(c)))
  }

  protected override formatTopic(topic: Topic): string {
    return super.formatTopic(this.text.topic(topic))
  }

  protected override formatTopics(topics: Topic[]): string {
    return super.formatTopics(topics.map((t) => this.text.topic(t)))
  }

  /** oclif's root help (its RootHelp is not exported), with the package's description translated. */
  override formatRoot(): string {
    const theme = this.config.theme
    const en = this.config.pjson.oclif.description || this.config.pjson.description || ''
    const [summary, ...rest] = this.render(this.text.word('@root.description', en)).split('\n')
    const description = rest.join('\n')
    const sections = [
      colorize(theme?.commandSummary, summary),
      this.section('VERSION', this.wrap(colorize(theme?.version, this.config.userAgent))),
      this.section(this.opts.usageHeader || 'USAGE', this.wrap(`${colorize(theme?.dollarSign, '$')} ${colorize(theme?.bin, this.config.bin)} ${colorize(theme?.sectionDescription, this.text.word('@mark.command', '[COMMAND]'))}`)),
      description && this.section('DESCRIPTION', this.wrap(colorize(theme?.sectionDescription, description))),
    ]
    const output = sections.filter(Boolean).join('\n\n')
    return this.opts.stripAnsi ? stripVTControlCharacters(output) : output
  }
}
