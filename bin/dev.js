#!/usr/bin/env -S node --import tsx --no-warnings
// Runs the TypeScript sources directly (no build): oclif maps dist/commands to commands/ via tsconfig.
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {execute} from '@oclif/core'

// package.json points oclif at the bundle that `npm run build` makes (scripts/bundle.mjs); the
// sources have none, so here the commands are found by scanning commands/, the hook and the help
// class by their paths.
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
pjson.oclif.commands = './dist/commands'
pjson.oclif.hooks.command_not_found = './dist/src/cli/hooks/command-not-found.js'
pjson.oclif.helpClass = './dist/src/cli/help/board-help.js'

await execute({development: true, loadOptions: {root: fileURLToPath(new URL('..', import.meta.url)), pjson}})
