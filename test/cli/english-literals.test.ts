import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'

import {catalogues} from '../../src/i18n/messages/index.js'
import {ROOT} from '../helpers/run-cli.js'

// Every user-facing string goes through the catalogue: through a key (t('…')), or as English text
// the catalogue knows (localise.ts says it again in Chinese). This finds English sentences written
// where users read them (errors, notes, warnings, reasons) that the catalogue does not know.
// Data is not user text: JSON keys, machine CSV headers, SQL and log identifiers are never written
// at these sites, so they are not found.

const DIRS = ['commands', 'src/services', 'src/store', 'src/domain', 'src/import', 'src/cli', 'src/export', 'src/report', 'src/settings']
const SITE = /(?:this\.(?:note|warn|error)|new \w*Error|process\.std(?:err|out)\.write|reasons\.push|warnings\.push|fail(?:Row)?)\(\s*(['`])((?:\\.|(?!\1).)*?)\1|(?:reason|suggestion|detail|fix):\s*(['`])((?:\\.|(?!\3).)*?)\3/g
// An error's hint given as its second argument: new UsageError('…', '…').
const HINT = /new \w*Error\(\s*(?:'(?:\\.|[^'])*'|`(?:\\.|[^`])*`)\s*,\s*(['`])((?:\\.|(?!\1).)*?)\1/g
// Two words, whatever stands between them ("units: 3 saved", "unit u1 (x) saved").
const SENTENCE = /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

const shape = (s: string) => s.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, '{}').replace(/\{\w+\}/g, '{}')
const known = new Set(catalogues.flatMap((c) => Object.values(c).map((m) => shape(m.en))))
const keys = new Set(catalogues.flatMap((c) => Object.keys(c)))

function untranslated(source: string): string[] {
  const out: string[] = []
  for (const m of [...source.matchAll(SITE), ...source.matchAll(HINT)]) {
    const text = m[2] ?? m[4]
    if (text === undefined || !SENTENCE.test(text.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, ''))) continue
    if (!known.has(shape(text))) out.push(text)
  }
  return out
}

describe('user-facing text', () => {
  const all = DIRS.flatMap((d) => files(join(ROOT, d)))

  it('is in the catalogue: no file prints English outside it', () => {
    const found: string[] = []
    for (const f of all) for (const text of untranslated(readFileSync(f, 'utf8'))) found.push(`${relative(ROOT, f)}: ${text}`)
    expect(found, 'English text outside the catalogue; add it to src/i18n/messages/ (both languages)').toEqual([])
  })

  it('catches an English sentence that is not in the catalogue, and passes one that is', () => {
    expect(untranslated("throw new UsageError(`no such frobnicator ${x}`)")).toEqual(['no such frobnicator ${x}'])
    expect(untranslated('throw new NotFoundError(`no case ${key}`)')).toEqual([])
    expect(untranslated('this.note(`units: ${n} saved`)')).toEqual(['units: ${n} saved'])
    expect(untranslated("throw new UsageError('no case given', 'pass a frobnicator id')")).toEqual(['pass a frobnicator id'])
  })

  it('table headers come from the catalogue: no header is a literal', () => {
    const literal: string[] = []
    for (const f of all) for (const m of readFileSync(f, 'utf8').matchAll(/header: (['`])([^'`]+)\1/g)) literal.push(`${relative(ROOT, f)}: ${m[2]}`)
    expect(literal, "a header is this.t('col.…') (src/i18n/messages/headers.ts)").toEqual([])
  })

  it('names only keys the catalogue has', () => {
    const missing: string[] = []
    for (const f of all) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:\bt|this\.t|translate\(\w+(?:\.\w+)?,)\(?\s*'([\w.]+)'/g)) if (!keys.has(m[1]) && m[1].includes('.')) missing.push(`${relative(ROOT, f)}: ${m[1]}`)
    }
    expect(missing).toEqual([])
  })
})
