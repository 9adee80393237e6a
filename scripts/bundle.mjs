#!/usr/bin/env node
// Bundles tsc's output (dist/) into dist/bundle/board.cjs: the commands, the hook, @oclif/core and
// the packages they use, as one module graph that bin/run.js loads. Loading them file by file (some
// 250 modules for `board list`, each resolved, read and compiled on its own) was most of what a
// start cost. A module is evaluated when first used: what is loaded on demand (import() in the
// source: the store backends, the import pipeline, mail, prompts) costs a start only its bytes.
// The bundle is CommonJS so that V8's code cache can be given to it: dist/bundle/board.js (from
// scripts/bundle-loader.js) compiles it with the cache that scripts/code-cache.mjs makes here.
// The bundle is made from tsc's output, which stays: the worker threads run from it.
//   node scripts/bundle.mjs     (run by `npm run build`, after tsc)
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
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
  // of this export, so behind a getter a run that shows no help never evaluates the class, nor its
  // Chinese catalogue, loaded by import().
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
      const url = `new URL(${JSON.stringify(relative(outdir, args.path).split(sep).join('/'))}, __bundleUrl)`
      const contents = source
        .replaceAll('import.meta.url', `${url}.href`)
        .replaceAll('import.meta.dirname', `__bundleDirname(${url})`)
      return {contents, loader: 'js'}
    })
  },
}

// import() of a computed path (oclif loading a plugin's modules) is left to Node. The bundle is
// compiled as a vm.Script, whose own import() Node 20 allows only behind a flag: it calls the
// loader's instead, handed in as __import.
const foreignImports = {
  name: 'foreign-imports',
  setup(b) {
    b.onLoad({filter: /[\\/]node_modules[\\/].*\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const computed = /(?<![\w$.])import\((?=\s*[^'"`)\s])/g
      if (!computed.test(source)) return undefined
      return {contents: source.replace(computed, '__import('), loader: 'js'}
    })
  },
}

// better-sqlite3's JavaScript is bundled; its native addon is not. The package finds the addon
// with the `bindings` package, which searches from the file that calls it (here the bundle): it
// is taken instead from the package's own build/Release, where an install puts it, and else found
// by `bindings` from the package's folder.
const sqliteAddon = {
  name: 'sqlite-addon',
  setup(b) {
    b.onLoad({filter: /[\\/]node_modules[\\/]better-sqlite3[\\/]lib[\\/]database\.js$/}, (args) => {
      const source = readFileSync(args.path, 'utf8')
      const call = "require('bindings')('better_sqlite3.node')"
      if (!source.includes(call)) throw new Error(`${args.path}: no ${call} to replace`)
      const addon = `(() => {
        const root = path.dirname(require.resolve('better-sqlite3/package.json'))
        const built = path.join(root, 'build', 'Release', 'better_sqlite3.node')
        if (fs.existsSync(built)) return require(built)
        return require(require.resolve('bindings', {paths: [root]}))({bindings: 'better_sqlite3.node', module_root: root})
      })()`
      return {contents: source.replace(call, addon), loader: 'js'}
    })
  },
}

// board's string-width builds its Intl.Segmenter when loaded, which costs ICU some milliseconds
// at every start (the base command's table rendering imports it); it is built at the first measure
// instead. (The older string-widths that other packages bring have none.)
const lazySegmenter = {
  name: 'lazy-segmenter',
  setup(b) {
    b.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, (args) => {
      if (args.path !== join(root, 'node_modules', 'string-width', 'index.js')) return undefined
      const source = readFileSync(args.path, 'utf8')
      const [made, used] = ['const segmenter = new Intl.Segmenter();', 'segmenter.segment(']
      if (!source.includes(made) || !source.includes(used)) throw new Error(`${args.path}: no ${made} to make lazy`)
      const contents = source.replace(made, 'let segmenter;').replaceAll(used, '(segmenter ??= new Intl.Segmenter()).segment(')
      return {contents, loader: 'js'}
    })
  },
}

// Large packages (CommonJS, so the bundle's require() takes them) that only some commands load, on
// demand: PostgreSQL, the import's parsers and encodings, mail, YAML. Every start reads the bundle
// whole, and these were half of it; they load from node_modules when a command needs them.
const onDemand = ['pg', 'pg-copy-streams', 'iconv-lite', 'chardet', 'csv-parse', 'papaparse', 'nodemailer', 'yaml']

rmSync(outdir, {recursive: true, force: true})
const {outputFiles} = await build({
  stdin: {contents: entry, resolveDir: dist, sourcefile: 'board-entry.js', loader: 'js'},
  outdir,
  entryNames: 'board',
  outExtension: {'.js': '.cjs'},
  bundle: true,
  format: 'cjs',
  // Read whole at every start: minified, it is a little over half the size. Names are kept, for
  // the class and function names that errors and oclif show.
  minify: true,
  keepNames: true,
  platform: 'node',
  target: 'node20',
  // import() of a package left out (below) becomes require(): the bundle cannot import() itself.
  supported: {'dynamic-import': false},
  // better-sqlite3's package.json is where sqliteAddon finds the package. The TypeScript loaders
  // are devDependencies that oclif only looks for when asked to transpile sources, which bin/run.js
  // turns off.
  external: ['better-sqlite3/package.json', 'typescript', 'ts-node', 'tsx', ...onDemand],
  // The bundle is one function, which the loader (scripts/bundle-loader.js) compiles and calls
  // with the parameters of Node's own CommonJS wrapper and __import (above). Written here, the
  // loader compiles the file's text as read, not a copy with the wrapper around it. Then the
  // bundle's own location, for the import.meta of the modules in it (above).
  banner: {
    js: [
      '(function (exports, require, module, __filename, __dirname, __import) {',
      "const __bundleUrl = require('node:url').pathToFileURL(__filename).href",
      "const __bundleDirname = (url) => require('node:path').dirname(require('node:url').fileURLToPath(url))",
    ].join('\n'),
  },
  footer: {js: '})'},
  plugins: [keepModuleLocation, foreignImports, sqliteAddon, lazySegmenter],
  logLevel: 'warning',
  write: false,
})
// All ASCII, so that a start can read it as Latin-1, at half the cost of decoding UTF-8. esbuild
// escapes what is in strings but leaves the characters of regular expressions as they are; a
// \u escape there means the same character, unless one stood after a backslash.
mkdirSync(outdir, {recursive: true})
for (const file of outputFiles) {
  if (/\\[^\0-\x7f]/.test(file.text)) throw new Error(`${file.path}: a non-ASCII character follows a backslash`)
  const ascii = file.text.replace(/[^\0-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
  writeFileSync(file.path, ascii, 'latin1')
}
// The loader names what it exports; each export of the entry must be among them.
const loader = readFileSync(join(root, 'scripts', 'bundle-loader.js'), 'utf8')
const loaderExports = loader.match(/export const \{([^}]*)\} = bundle\.exports/)?.[1].split(',').map((name) => name.trim()) ?? []
for (const [, renamed, name] of entry.matchAll(/export (?:\{(?:\w+ as )?(\w+)\}|const (\w+))/g)) {
  if (!loaderExports.includes(renamed ?? name)) throw new Error(`scripts/bundle-loader.js does not export ${renamed ?? name}`)
}
copyFileSync(join(root, 'scripts', 'bundle-loader.js'), join(outdir, 'board.js'))
const cache = spawnSync(process.execPath, [join(root, 'scripts', 'code-cache.mjs')], {stdio: 'inherit'})
if (cache.status !== 0) process.exit(cache.status ?? 1)
