import {type Lang, translate} from '../i18n/translate.js'

// oclif's parser speaks English only. Its messages have a handful of shapes; each is recognised
// here and said again through the catalogue, so a clerk under a Chinese locale reads Chinese.
// A shape not listed passes through unchanged.

const SHAPES: {pattern: RegExp; key: string; vars: (m: RegExpExecArray) => Record<string, string>}[] = [
  {pattern: /^Nonexistent flags?: (.+)$/, key: 'parse.unknownFlag', vars: (m) => ({flags: m[1]})},
  {pattern: /^Unexpected arguments?: (.+)$/, key: 'parse.unexpectedArg', vars: (m) => ({args: m[1]})},
  {pattern: /^Missing required flag:?\s*(\S+)/, key: 'parse.missingFlag', vars: (m) => ({flag: m[1].replace(/^(?!--)/, '--')})},
  {pattern: /^Expected --([\w-]+)=(.*) to be one of: (.+)$/, key: 'parse.flagOption', vars: (m) => ({flag: m[1], value: m[2], options: m[3]})},
  {pattern: /^Expected (.*) to be one of: (.+)$/, key: 'parse.argOption', vars: (m) => ({value: m[1], options: m[2]})},
  {pattern: /^Parsing --([\w-]+)\s+Expected an integer but received: (.+)$/, key: 'parse.integer', vars: (m) => ({flag: m[1], value: m[2]})},
  {pattern: /^Parsing --([\w-]+)\s+Expected an integer greater than or equal to (\S+) but received: (.+)$/, key: 'parse.integerMin', vars: (m) => ({flag: m[1], min: m[2], value: m[3]})},
  {pattern: /^Flag --([\w-]+) expects a value$/, key: 'parse.flagValue', vars: (m) => ({flag: m[1]})},
  {pattern: /^--([\w-]+)=(.*) cannot also be provided when using --([\w-]+)$/, key: 'parse.exclusive', vars: (m) => ({flag: m[1], other: m[3]})},
  // oclif's help, asked for a command or topic it does not have (`board help nosuch`).
  {pattern: /^Command (.+) not found\.$/, key: 'parse.noCommand', vars: (m) => ({command: m[1].replaceAll(':', ' ')})},
]

/** oclif's parse error message in the user's language; "See more help" becomes the hint. */
export function translateParseError(lang: Lang, message: string): {message: string; hint: string} {
  const text = message.replace(/\s*See more help with --help\s*$/, '').replace(/\n\t/g, ' ').trim()
  const first = text.split('\n')[0]
  const rest = text.slice(first.length)
  const missing = /^Missing (\d+) required args?:?$/.exec(first)
  if (missing) return {message: missingArgs(lang, missing[1], rest), hint: translate(lang, 'parse.help')}
  for (const s of SHAPES) {
    const m = s.pattern.exec(first)
    if (m) return {message: translate(lang, s.key, s.vars(m)) + rest, hint: translate(lang, 'parse.help')}
  }
  return {message: text, hint: translate(lang, 'parse.help')}
}

/**
 * oclif lists the missing arguments with their (English) descriptions, and a note when a flag
 * takes several values; the user's language gets the names and the note in its own words.
 */
function missingArgs(lang: Lang, n: string, rest: string): string {
  const parts = rest.trim().split(/\n\s*\n/)
  const notes = parts.filter((p) => p.startsWith('Note:'))
  const list = parts.find((p) => p !== '' && !p.startsWith('Note:'))
  const names = list ? list.split('\n').map((l) => l.trim().split(/\s/)[0]).filter(Boolean) : []
  const flags = /^Note: (.+?) allows? multiple values/.exec(notes.join('\n'))?.[1]
  return [
    names.length > 0 ? translate(lang, 'parse.missingArgsNamed', {n, names: names.join(', ')}) : translate(lang, 'parse.missingArgs', {n}),
    ...(flags ? [translate(lang, 'parse.multipleValues', {flags})] : []),
  ].join('\n')
}
