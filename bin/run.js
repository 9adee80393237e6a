#!/usr/bin/env -S node --max-semi-space-size=4
// A small young generation: an import's batches are short-lived, and V8's default one only lets
// garbage pile up, raising the peak RSS of a large import for no speed.
import {createRequire} from 'node:module'
import {arch, platform, release} from 'node:os'

// node:fs by require(): its ES module face would load the file streams, which nothing here needs.
const {readFileSync} = createRequire(import.meta.url)('node:fs')

const argv = process.argv.slice(2)
// `board --version` needs nothing of oclif's start (its own modules, the plugins, the manifest):
// it is answered from package.json in oclif's words (Config.userAgent). WSL, which oclif names
// apart from Linux, takes the long way.
if (argv.length === 1 && argv[0] === '--version' && !(platform() === 'linux' && /microsoft/i.test(release()))) {
  const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${pjson.name}/${pjson.version} ${platform()}-${arch() === 'ia32' ? 'x86' : arch()} node-${process.version}\n`)
} else {
  // The bundle (scripts/bundle.mjs) holds @oclif/core with the commands: one module graph, so the
  // commands' classes and the execute() that runs them are the same @oclif/core.
  const {execute, settings} = await import('../dist/bundle/board.js')
  // This runs the build. Under NODE_ENV=test or development oclif would look for TypeScript
  // sources beside it to transpile instead; bin/dev.js is the way to run the sources.
  settings.enableAutoTranspile = false

  // plugin-not-found exits 127 for an unknown command; board's contract says usage errors are 2.
  process.on('exit', (code) => {
    if (code === 127) process.exitCode = 2
  })

  await execute({dir: import.meta.url})
}
