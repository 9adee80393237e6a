import type {Hook} from '@oclif/core/hooks'

import {ExitCode} from '../../errors.js'
import {suggestCommand} from '../command-suggest.js'
import {translate} from '../../i18n/translate.js'
import {configLocale, runLang} from '../run-lang.js'
import {guardTerminal} from '../terminal-output.js'

/** Replaces plugin-not-found, whose (Y/n) question ran its guess on Enter. This one only suggests. */
const hook: Hook.CommandNotFound = async (opts) => {
  guardTerminal()
  const argv = process.argv.slice(2)
  const lang = runLang(argv, configLocale(opts.config.configDir))
  const bin = opts.config.bin
  const ids = opts.config.commands.filter((c) => !c.hidden).map((c) => c.id)
  const typed = argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ') || opts.id.replace(/:/g, ' ')
  const s = suggestCommand(bin, argv, ids)
  const lines = [translate(lang, 'notFound.command', {bin, typed: s ? argv.slice(0, s.command.split(' ').length).join(' ') : typed})]
  if (s) lines.push(translate(lang, 'notFound.didYouMean'), `  ${s.line}`)
  lines.push(translate(lang, 'notFound.help', {bin}))
  process.stderr.write(lines.join('\n') + '\n')
  process.exit(ExitCode.usage)
}

export default hook
