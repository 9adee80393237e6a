#!/usr/bin/env -S node --import tsx --no-warnings
// Runs the TypeScript sources directly (no build): oclif maps dist/commands to commands/ via tsconfig.
import {execute} from '@oclif/core'

await execute({development: true, dir: import.meta.url})
