#!/usr/bin/env node
// `board --version` is answered before oclif loads (~200 files): scripts call it to probe the install.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  const {readFileSync} = await import('node:fs')
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${pkg.oclif?.bin ?? pkg.name}/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  const {execute} = await import('@oclif/core')

  // plugin-not-found exits 127 for an unknown command; board's contract says usage errors are 2.
  process.on('exit', (code) => {
    if (code === 127) process.exitCode = 2
  })

  await execute({dir: import.meta.url})
}
