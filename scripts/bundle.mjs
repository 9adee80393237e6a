#!/usr/bin/env node
// Bundles tsc's output (dist/) into dist/bundle/: the commands, the hook, @oclif/core and the
// packages they use, as one module graph that bin/run.js loads. Loading them file by file (some
// 250 modules for `board list`, each resolved, read and compiled on its own) was most of what a
// start cost. What is loaded on demand (import() in the source: the store backends, the import
// pipeline, mail, prompts) becomes chunks of its own, read only by a run that needs them.
// The bundle is made from tsc's output, which stays: the worker threads run from it.
//   node scripts/bundle.mjs     (run by `npm run build`, after tsc)
import {readdirSync, readFileSync, rmSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const outdir = join(dist, 'bundle')

// oclif's explicit command discovery: ids from the paths under dist/commands, as oclif's own
// pattern discovery names them (db/migrate.js → db:migrate, rate/index.js → rate). Each command
// is a getter around require(): esbuild then evaluates a command's modules (and the packages they
// import) only when oclif asks for that command, which, with the manifest, is the one being run.
const commandsDir = join(dist, 'commands')
const commandFiles = readdirSync(commandsDir, {recursive: true, withFileTypes: true})
  .filter((e) => e.isFile() && e.name.endsWith('.js'))
  .map((e) => relative(commandsDir, join(e.parentPath ?? e.path, e.name)))
  .sort()
const idOf = (file) => file.replace(/\.js$/, '').split(sep).filter((part, i, parts) => !(part === 'index' && i === parts.length - 1)).join(':')
const entry = [
  "export {execute} from '@oclif/core/execute'",
  "export {settings} from '@oclif/core/settings'",
  "export {default as commandNotFound} from './src/cli/hooks/command-not-found.js'",
  // The help class, by the name package.json gives oclif (oclif.helpClass): oclif takes `.default`
  // of this export, so behind a getter a run that shows no help never evaluates the class; its
  // Chinese catalogue, loaded by import(), is a chunk that such a run never reads.
  "export const help = {get default() { return require('./src/cli/help/board-help.js').default }}",
  'export const commands = {',
  ...commandFiles.map((file) => `  get ${JSON.stringify(idOf(file))}() { return require('./commands/${file.split(sep).join('/')}').default },`),
  '}',
].join('\n')

// Each module still finds its workers and data files where tsc put it: import.meta of a module
// from dist/X.js becomes that of dist/X.js, written relative to the bundle so the package can move.
const keepModuleLocation = {
  name: 'keep-module-location',
  setup(b) {
    b.onLoad({filter: /\.js$/}, (args) => {
      if (!args.path.startsWith(dist + sep)) return undefined
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta')) return undefined
      const url = `new URL(${JSON.stringify(relative(outdir, args.path).split(sep).join('/'))}, import.meta.url)`
      const contents = source
        .replaceAll('import.meta.url', `${url}.href`)
        .replaceAll('import.meta.dirname', `__bundleDirname(${url})`)
      return {contents, loader: 'js'}
    })
  },
}

rmSync(outdir, {recursive: true, force: true})
await build({
  stdin: {contents: entry, resolveDir: dist, sourcefile: 'board-entry.js', loader: 'js'},
  outdir,
  entryNames: 'board',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // better-sqlite3 finds its native addon by path. The TypeScript loaders are devDependencies that
  // oclif only looks for when asked to transpile sources, which bin/run.js turns off.
  external: ['better-sqlite3', 'typescript', 'ts-node', 'tsx'],
  // Much of what is bundled is CommonJS: in an ES module its require() of Node's modules needs a
  // real one.
  banner: {
    js: [
      "import {createRequire as __createRequire} from 'node:module'",
      "import {dirname as __dirnameOf} from 'node:path'",
      "import {fileURLToPath as __fileURLToPath} from 'node:url'",
      'const require = __createRequire(import.meta.url)',
      'const __bundleDirname = (url) => __dirnameOf(__fileURLToPath(url))',
    ].join('\n'),
  },
  plugins: [keepModuleLocation],
  logLevel: 'warning',
})
