#!/usr/bin/env node
// Writes the bundle's V8 code caches (see scripts/bundle-loader.js): the code compiled by a
// `board list` on an empty store, so what every start compiles (oclif's start, the base command,
// opening the store) is in them. One for `node bin/run.js`, one for bin/run.js's shebang flags,
// each made in a process started with those flags. Run by scripts/bundle.mjs.
//   node scripts/code-cache.mjs
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'run.js')

if (process.argv[2] === '--write') {
  const {execute, settings, codeCache, codeCacheFile} = await import(pathToFileURL(join(root, 'dist', 'bundle', 'board.js')).href)
  settings.enableAutoTranspile = false
  const write = process.stdout.write
  process.stdout.write = () => true
  try {
    await execute({args: ['list'], dir: pathToFileURL(bin).href})
  } finally {
    process.stdout.write = write
  }
  writeFileSync(codeCacheFile, codeCache())
} else {
  const shebang = readFileSync(bin, 'utf8').split('\n')[0]
  const shebangFlags = shebang.match(/\bnode\b(.*)$/)?.[1].trim().split(/\s+/).filter(Boolean) ?? []
  const dir = mkdtempSync(join(tmpdir(), 'board-code-cache-'))
  const env = {...process.env, BOARD_STORE: join(dir, 'board.db'), BOARD_CONFIG: join(dir, 'no-config.json'), LANG: 'C', LC_ALL: '', NODE_OPTIONS: ''}
  const run = (args) => {
    const r = spawnSync(process.execPath, args, {env, encoding: 'utf8'})
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  }
  try {
    run([bin, 'db', 'migrate'])
    for (const flags of [[], shebangFlags]) run([...flags, fileURLToPath(import.meta.url), '--write'])
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
