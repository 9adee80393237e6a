import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import stringWidth from 'string-width'
import {beforeAll, describe, expect, it} from 'vitest'

import {renderTable} from '../../src/cli/render.js'
import {cutToWidth, fitWidths} from '../../src/cli/table-width.js'
import {ROOT} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'
import {boardInPty, hasScript} from './pty.js'

const store = join(mkdtempSync(join(tmpdir(), 'board-width-')), 'b.db')

describe('one width rule for tables', () => {
  it('text columns give up width first, cut by display width', () => {
    const fit = fitWidths(['ID', 'Title', 'Unit'], [['1', '很长的标题'.repeat(10), '住建局']], [false, true, false], 40)
    expect(fit.cut).toBe(true)
    expect(fit.widths[0]).toBe(2)
    expect(fit.widths[2]).toBe(6)
    expect(fit.widths.reduce((a, b) => a + b, 0) + 3 * 2 + 4).toBeLessThanOrEqual(40)
    expect(stringWidth(cutToWidth('很长的标题', 5))).toBeLessThanOrEqual(5)
    const rows = [{id: 1, title: '关于小区门口道路长期积水严重影响居民出行安全的问题'.repeat(3), unit: '住建局'}]
    const out = renderTable(rows, [{header: 'ID', value: (r) => r.id}, {header: 'Title', value: (r) => r.title, max: 200}, {header: 'Unit', value: (r) => r.unit}], {tty: true, color: false, width: 60})
    for (const l of out.split('\n')) expect(stringWidth(l)).toBeLessThanOrEqual(60)
    expect(out).toContain('住建局')
  })

  beforeAll(async () => {
    expect((await runCommand(['import', join(ROOT, 'data', 'sample', 'messages.csv'), '--source', 's'], {store})).status).toBe(0)
  }, 120_000)

  it.skipIf(!hasScript)('stats --by year fits 80 columns with a compact default; --wide and pipes have every column', async () => {
    const r = await boardInPty(['stats', '--by', 'year', '--store', store], {columns: 80})
    expect(r.status).toBe(0)
    for (const l of r.screen.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80)
    expect(r.screen).toContain('Count')
    expect(r.screen).not.toContain('p90')
    const wide = await boardInPty(['stats', '--by', 'year', '--wide', '--store', store], {columns: 300})
    expect(wide.screen).toContain('p90')
    const piped = await runCommand(['stats', '--by', 'year'], {store})
    expect(piped.stdout.split('\n')[0].split('\t').length).toBeGreaterThan(15)
  })
})
