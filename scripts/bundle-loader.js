// dist/bundle/board.js: loads board.cjs, the bundle scripts/bundle.mjs makes, with the V8 code
// cache the build left beside it. A start then takes the compiled code from the cache instead of
// parsing and compiling 3 MB of JavaScript; an ES module could not be given one in Node 20.
// V8 takes a cache only from the same Node with the same V8 flags, so there is one for each way
// bin/run.js is started: `node bin/run.js`, and by its shebang, with a young generation of its
// own. A cache that is missing or does not fit (other flags) is passed over: the bundle then
// compiles as it would without one.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Script} from 'node:vm'

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
// The parameters of Node's own CommonJS wrapper, and __import: the bundle's import() of a module
// found at run time (a plugin's), which a vm.Script may only make itself behind a flag.
const script = new Script(`(function (exports, require, module, __filename, __dirname, __import) {${readFileSync(filename, 'utf8')}\n})`, {filename, cachedData})
const bundle = {exports: {}}
script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, dirname(filename), (specifier) => import(specifier))

export const {execute, settings, commands, commandNotFound} = bundle.exports
/** The code compiled so far, for the build to keep as the cache. */
export const codeCache = () => script.createCachedData()
/** Whether this start went without a cache. */
export const codeCacheMissed = () => cachedData === undefined || script.cachedDataRejected === true
