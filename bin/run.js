#!/usr/bin/env node
import {execute} from '@oclif/core'

// plugin-not-found exits 127 for an unknown command; board's contract says usage errors are 2.
process.on('exit', (code) => {
  if (code === 127) process.exitCode = 2
})

await execute({dir: import.meta.url})
