#!/usr/bin/env node
// The subpath loads execute() without the rest of @oclif/core's index: 15-20 ms of every start.
import {execute} from '@oclif/core/execute'

// plugin-not-found exits 127 for an unknown command; board's contract says usage errors are 2.
process.on('exit', (code) => {
  if (code === 127) process.exitCode = 2
})

await execute({dir: import.meta.url})
