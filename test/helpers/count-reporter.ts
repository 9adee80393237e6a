import type {Reporter, TestModule} from 'vitest/node'

// CI reads a plain "N passed, N failed" line, not vitest's own summary; before it, one line per
// tier (vitest project) gives its files, its tests and its time.
export default class CountReporter implements Reporter {
  private readonly tiers = new Map<string, {files: number; start: number; end: number; busy: number}>()

  onTestModuleStart(module: TestModule): void {
    const tier = this.tier(module)
    tier.start = Math.min(tier.start, Date.now())
  }

  onTestModuleEnd(module: TestModule): void {
    const tier = this.tier(module)
    tier.files++
    tier.end = Math.max(tier.end, Date.now())
    tier.busy += module.diagnostic().duration
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    const tests = new Map<string, number>()
    for (const m of modules) {
      const name = m.project.name || 'default'
      for (const t of m.children.allTests()) {
        tests.set(name, (tests.get(name) ?? 0) + 1)
        const state = t.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) failed++
    }
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
    for (const [name, t] of this.tiers) {
      const wall = t.end >= t.start ? t.end - t.start : 0
      process.stdout.write(`\ntier ${name}: ${t.files} files, ${tests.get(name) ?? 0} tests, ${s(wall)} from its first file's start to its last file's end (the files' own time: ${s(t.busy)})`)
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }

  private tier(module: TestModule) {
    const name = module.project.name || 'default'
    let tier = this.tiers.get(name)
    if (!tier) this.tiers.set(name, (tier = {files: 0, start: Number.POSITIVE_INFINITY, end: 0, busy: 0}))
    return tier
  }
}
