import {detectLang, type Lang} from '../i18n/translate.js'
import {readLocalConfig} from './local-config.js'

// One rule for the language of a run, whoever speaks first: a command (the base command), help
// (`board COMMAND --help`, `board help COMMAND`) and the answer to an unknown command.

/** --lang as typed, read before oclif parses: a parse error must be in the right language too. */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break
    if (argv[i] === '--lang') return argv[i + 1]
    if (argv[i].startsWith('--lang=')) return argv[i].slice('--lang='.length)
  }
  return undefined
}

/** --lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else the config file's locale. */
export function runLang(argv: readonly string[], fileLocale: string | undefined): Lang {
  return detectLang(langFromArgv(argv), fileLocale)
}

/** The config file's locale for what runs before any command: a broken file is reported by the command that reads it. */
export function configLocale(configDir: string): string | undefined {
  try {
    return readLocalConfig(configDir).locale
  } catch {
    return undefined
  }
}
