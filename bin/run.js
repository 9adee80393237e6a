#!/usr/bin/env -S node --max-semi-space-size=4
// A small young generation: an import's batches are short-lived, and V8's default one only lets
// garbage pile up, raising the peak RSS of a large import for no speed.
// The subpath loads execute() without the rest of @oclif/core's index, which every start would pay for.
import {execute} from '@oclif/core/execute'

// plugin-not-found exits 127 for an unknown command; board's contract says usage errors are 2.
process.on('exit', (code) => {
  if (code === 127) process.exitCode = 2
})

await execute({dir: import.meta.url})
