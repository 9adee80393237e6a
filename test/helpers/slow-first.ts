import {BaseSequencer, type TestSpecification} from 'vitest/node'

// With no results from an earlier run (a fresh clone, CI), vitest starts the largest files first,
// and the longest files here are small ones that spawn processes or race connections: started
// last, one of them would run alone on one worker at the end. These go first, in this order; the
// rest keep vitest's order (the slowest of the last run first, once there is a last run).
export const SLOW_FIRST = [
  'test/triage/auto-triage.test.ts',
  'test/postgres/concurrency.test.ts',
  'test/import/parse-thread.test.ts',
  'test/import/interrupt.test.ts',
  'test/triage/triage-queue.test.ts',
  'test/sla/notify.test.ts',
  'test/sla/notify-crash.test.ts',
  'test/postgres/copy-import.test.ts',
  'test/data/reimport.test.ts',
  'test/postgres/settings-secrets.test.ts',
  'test/cli/security-edges.test.ts',
]

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((p) => f.moduleId.endsWith(p))
      return i < 0 ? SLOW_FIRST.length : i
    }
    return sorted.map((f, i) => ({f, i, r: rank(f)})).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f)
  }
}
