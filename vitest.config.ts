import {defineConfig} from 'vitest/config'

import SlowFirst from './test/helpers/slow-first.js'

// Two tiers. `fast` runs everything in the vitest worker, commands included (through runCommand,
// test/helpers/run-command.ts). `e2e` is the files that need a real process: they spawn the built
// CLI (a worker thread, signals, a pseudo-terminal, Chromium, several processes at once), so
// `npm test` builds first. A file that spawns the CLI, or any other process, belongs in this list.
const E2E = [
  'test/cli/background-index.test.ts',
  'test/cli/code-cache.test.ts',
  'test/cli/conventions.test.ts',
  'test/cli/help-built.test.ts',
  'test/cli/interrupts.test.ts',
  'test/cli/list-show.test.ts',
  'test/cli/listing-limit.test.ts',
  'test/cli/store-locations.test.ts',
  'test/cli/table-width.test.ts',
  'test/cli/terminal-guard.test.ts',
  'test/cli/triage-lease.test.ts',
  'test/cli/typo-suggestion.test.ts',
  'test/data/oversize.test.ts',
  'test/import/interrupt.test.ts',
  'test/import/parse-thread.test.ts',
  'test/postgres/concurrency.test.ts',
  'test/postgres/pg-connection.test.ts',
  'test/replies/editor.test.ts',
  'test/replies/send-cli.test.ts',
  'test/scratch-files.test.ts',
  'test/sla/notify-crash.test.ts',
  'test/sla/notify.test.ts',
  'test/stats/report-html.test.ts',
  'test/stats/tipdm-stats.test.ts',
  'test/store/contention.test.ts',
  'test/triage/auto-triage.test.ts',
  'test/triage/triage-tty.test.ts',
]

export default defineConfig({
  test: {
    // oclif writes through console; vitest would swallow it otherwise.
    disableConsoleIntercept: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one, here. Most files wait on PostgreSQL
    // or on a child process much of the time, so three share two cores well; a fourth only adds
    // module loading that competes with the tests.
    maxWorkers: 3,
    minWorkers: 1,
    reporters: ['default', './test/helpers/count-reporter.ts'],
    globalSetup: ['./test/helpers/temp-root.ts'],
    sequence: {sequencer: SlowFirst},
    projects: [
      {extends: true, test: {name: 'fast', include: ['test/**/*.test.ts'], exclude: E2E}},
      {extends: true, test: {name: 'e2e', include: E2E}},
    ],
  },
})
