// dist/bundle/board.js: loads board.cjs, the bundle scripts/bundle.mjs makes, with the V8 code
// cache the build left beside it. A start then takes the compiled code from the cache instead of
// parsing and compiling a megabyte of JavaScript; an ES module could not be given one in Node 20.
// V8 takes a cache only from the same Node with the same V8 flags, so there is one for each way
// bin/run.js is started: `node bin/run.js`, and by its shebang, with a young generation of its
// own. A cache that is missing or does not fit (other flags) is passed over: the bundle then
// compiles as it would without one.
import {createRequire} from 'node:module'

// Node's modules by require(): the ES module face of node:fs would load the file streams.
const require = createRequire(import.meta.url)
const {readFileSync} = require('node:fs')
const {dirname} = require('node:path')
const {fileURLToPath} = require('node:url')
const {Script} = require('node:vm')

const filename = fileURLToPath(new URL('board.cjs', import.meta.url))
const flags = process.execArgv.filter((arg) => arg.startsWith('--max-semi-space-size'))
/** Where the cache for this process's flags is (scripts/code-cache.mjs writes it). */
export const codeCacheFile = `${filename}${flags.map((flag) => `.${flag.replace(/^--|[^\w=.-]/g, '')}`).join('')}.cache`

let cachedData
try {
  cachedData = readFileSync(codeCacheFile)
} catch {
  cachedData = undefined
}
// The bundle is all ASCII (scripts/bundle.mjs): Latin-1 reads it, faster than UTF-8 would. It is
// one function, of the parameters of Node's own CommonJS wrapper and __import: the bundle's
// import() of a module found at run time (a plugin's), which a vm.Script may only make itself
// behind a flag.
const script = new Script(readFileSync(filename, 'latin1'), {filename, cachedData})
const bundle = {exports: {}}
script.runInThisContext()(bundle.exports, require, bundle, filename, dirname(filename), (specifier) => import(specifier))

export const {execute, settings, commands, commandNotFound, help} = bundle.exports
/** The code compiled so far, for the build to keep as the cache. */
export const codeCache = () => script.createCachedData()
/** Whether this start went without a cache. */
export const codeCacheMissed = () => cachedData === undefined || script.cachedDataRejected === true
