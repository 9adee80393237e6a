import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

// The report must open with no network, so Chart.js's UMD build is copied into the file.
export function chartJsSource(): string {
  const require = createRequire(import.meta.url)
  // chart.js's "exports" hides its other files; the main entry (dist/chart.cjs) sits beside the UMD build.
  return readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.js'), 'utf8')
}
