/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// page.evaluate callbacks run in Chromium: they see the DOM's types.
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {chromium} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {importFiles} from '../../src/import/import-service.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {DATA} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

const data = DATA
const CHROMIUM = process.env.BOARD_CHROMIUM ?? '/usr/bin/chromium'
const HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'

describe.each(backendList)('board report renders in headless Chromium ($name)', (backend) => {
  let store: Store
  let location: string
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'board-report-'))
    // A few liked messages about one topic, one with a hostile title, so hot topics and escaping are exercised.
    const rows = [1, 2, 3].map((i) => `${900000 + i},U1,${i === 3 ? `"${HOSTILE.replace(/"/g, '""')}"` : `A市星沙镇夜宵一条街噪音扰民严重${i}`},2019-07-0${i} 21:00:00,夜里吵得睡不着,${i * 50},0`)
    writeFileSync(join(dir, 'voted.csv'), '留言编号,留言用户,留言主题,留言时间,留言详情,点赞数,反对数\n' + rows.join('\n') + '\n')
    location = await backend.location()
    store = await openStore(location, {now: new Date('2024-01-01T00:00:00Z')})
    for (const [file, source] of [[join(data, 'tipdm2020c', 'labeled_messages.csv'), 'labeled'], [join(data, 'tipdm2020c', 'replied_messages.csv'), 'replied'], [join(dir, 'voted.csv'), 'voted']]) {
      await importFiles(store, {
        files: [file], source, tz: 'Asia/Shanghai', format: 'csv', rejectsPath: join(dir, 'rejects.csv'), dryRun: false, actor: 'test',
        now: () => new Date('2024-01-01T00:00:00Z'),
      })
    }
  }, 120_000)
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
    rmSync(dir, {recursive: true, force: true})
  })

  it('every chart canvas is drawn, no console errors, no network, citizen text stays text; screenshot saved', async () => {
    const out = join(dir, 'report.html')
    const r = await runCommand(['report', '--year', '2019', '--compare', '2018', '--out', out], {store: location, env: {BOARD_NOW: '2024-01-01T00:00:00Z'}})
    expect(r.status, r.stderr).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).not.toContain(HOSTILE)
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i)

    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set BOARD_CHROMIUM)`)
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    try {
      const page = await browser.newPage({viewport: {width: 1100, height: 900}})
      const errors: string[] = []
      const requests: string[] = []
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
      page.on('pageerror', (err) => errors.push(err.message))
      page.on('request', (req) => !req.url().startsWith('file:') && requests.push(req.url()))
      await page.goto('file://' + out)
      await page.waitForFunction(() => document.querySelectorAll('canvas').length > 0)
      const canvases = await page.evaluate(() =>
        [...document.querySelectorAll('canvas')].map((c) => {
          const ctx = c.getContext('2d')!
          const px = ctx.getImageData(0, 0, c.width, c.height).data
          let painted = 0
          for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) painted++
          return {id: c.id, width: c.width, height: c.height, painted}
        }),
      )
      expect(canvases.map((c) => c.id)).toEqual(['chart-monthly', 'chart-days', 'chart-suggestion', 'chart-satisfaction', 'chart-units', 'chart-topics'])
      for (const c of canvases) {
        expect(c.width, c.id).toBeGreaterThan(0)
        expect(c.painted, c.id).toBeGreaterThan(500)
      }
      expect(errors).toEqual([])
      expect(requests).toEqual([])
      expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined()
      expect(await page.locator('td', {hasText: '</script><script>'}).count()).toBeGreaterThan(0)
      const shot = join(tmpdir(), `board-report-${backend.name}-${process.pid}.png`)
      await page.screenshot({path: shot, fullPage: true})
      expect(readFileSync(shot).length).toBeGreaterThan(10_000)
    } finally {
      await browser.close()
    }
  }, 120_000)

  it('--format md has the same figures', async () => {
    const json = await runCommand(['report', '--year', '2019', '--format', 'md', '--json', '--out', join(dir, 'r.md')], {store: location, env: {BOARD_NOW: '2024-01-01T00:00:00Z'}})
    expect(json.status, json.stderr).toBe(0)
    const figures = JSON.parse(json.stdout) as {summary: {count: number; respondMean: number; respondWorkingMean: number}[]; hotTopics: {label: string; count: number}[]}
    const md = readFileSync(join(dir, 'r.md'), 'utf8')
    expect(md).toContain(`| 留言总数 | ${figures.summary[0].count} |`)
    // Working days leave weekends and holidays out: fewer than calendar days, and shown.
    expect(figures.summary[0].respondWorkingMean).toBeGreaterThan(0)
    expect(figures.summary[0].respondWorkingMean).toBeLessThan(figures.summary[0].respondMean)
    expect(md).toContain(`| 平均答复工作日 | ${figures.summary[0].respondWorkingMean.toFixed(1)} |`)
    expect(figures.hotTopics.some((t) => t.count >= 2 && t.label.includes('噪音扰民'))).toBe(true)
    expect(md).not.toContain('<script>')
    expect((await runCommand(['report', '--year', '2019'], {store: location})).status).toBe(2)
  })
})
