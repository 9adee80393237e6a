#!/usr/bin/env -S node --max-semi-space-size=4
// A young generation of 4 MB, not V8's 16: an import's batches are short-lived, and the larger one
// only let garbage pile up (peak RSS at 1M rows: ~295 MB against ~262 MB, no slower).
// The subpath loads execute() without the rest of @oclif/core's index: 15-20 ms of every start.
import {execute} from '@oclif/core/execute'

// plugin-not-found exits 127 for an unknown command; board's contract says usage errors are 2.
process.on('exit', (code) => {
  if (code === 127) process.exitCode = 2
})

await execute({dir: import.meta.url})
