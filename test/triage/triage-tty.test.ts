import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {stringify} from 'csv-stringify/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {importFiles} from '../../src/import/import-service.js'
import {URGENCY_FLAGS} from '../../src/domain/triage-keywords.js'
import {trainClassifier} from '../../src/services/triage/classifier.js'
import {loadTriageContext} from '../../src/services/triage/context.js'
import {suggestionsFor} from '../../src/services/triage/queue.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {board, ROOT} from '../helpers/run-cli.js'
import {TIPDM} from './tipdm-rows.js'

// Drives `board triage` in a real pseudo-terminal (tmux): accept, correct, skip, quit, Ctrl-C, resume.
const hasTmux = spawnSync('tmux', ['-V']).status === 0
const session = `board-triage-${process.pid}`
const dir = mkdtempSync(join(tmpdir(), 'board-tty-'))
const location = join(dir, 'board.db')
const now = new Date('2020-01-10T00:00:00Z')

const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8'})
const screen = () => tmux('capture-pane', '-p', '-t', session)
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k)

async function waitFor(pattern: RegExp, after = ''): Promise<RegExpMatchArray> {
  for (let i = 0; i < 150; i++) {
    const text = screen()
    const tail = after ? text.slice(text.lastIndexOf(after) + after.length) : text
    const m = tail.match(pattern)
    if (m && text.lastIndexOf(after) >= 0) return m
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${pattern}; screen:\n${screen()}`)
}

function start(): void {
  const cmd = `cd ${ROOT} && BOARD_NOW=${now.toISOString()} BOARD_ACTOR=wang BOARD_CONFIG=${join(ROOT, '.no-config.json')} LANG=C NO_COLOR=1 node bin/run.js triage --store ${location}; echo EXIT=$?; sleep 300`
  spawnSync('tmux', ['kill-session', '-t', session]) // an earlier test's, waiting after its EXIT line
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', cmd)
}

/** The id on the card now on screen (the last one shown), once it is not `previous`. */
async function currentCard(previous?: number): Promise<number> {
  for (let i = 0; i < 150; i++) {
    const text = screen()
    const id = Number([...text.matchAll(/^#(\d+) /gm)].at(-1)?.[1])
    if (id && id !== previous && /Decision/.test(text.slice(text.lastIndexOf(`#${id} `)))) return id
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no new card after #${previous}; screen:\n${screen()}`)
}

describe.skipIf(!hasTmux)('board triage in a terminal', () => {
  let store: Store
  beforeAll(async () => {
    store = await openStore(location, {now})
    const rows = (parse(readFileSync(join(TIPDM, 'labeled_messages.csv')), {columns: true, bom: true}) as Record<string, string>[]).filter((_, i) => i % 100 === 0)
    const csv = join(dir, 'm.csv')
    writeFileSync(csv, stringify(rows.map((r) => ({...r, 一级标签: ''})), {header: true}))
    await importFiles(store, {files: [csv], source: 't', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: join(dir, 'r.csv'), dryRun: false, actor: 'admin', now: () => now})
    await trainClassifier(store, {files: [join(TIPDM, 'labeled_titles.csv')], actor: 'admin', now})
    await store.units.upsert({code: 'a-housing', name: '住建局'}, {actor: 'admin', now})
    await store.handlers.upsert({code: 'h1', name: '张三', unitCode: 'a-housing'}, {actor: 'admin', now})
  }, 60_000)
  afterAll(async () => {
    spawnSync('tmux', ['kill-session', '-t', session])
    await store?.close()
  })

  it('refuses without a terminal, pointing to --auto and assign', () => {
    const r = board(['triage'], {store: location})
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('board triage --auto')
    expect(r.stderr).toContain('board assign')
  })

  it('accept, correct, skip, then Ctrl-C; a restart resumes the leased message', {timeout: 120_000}, async () => {
    start()
    const first = await currentCard()
    keys('Enter') // accept
    await waitFor(new RegExp(`saved: #${first} → triaged`))
    const accepted = (await store.cases.get(first))!
    expect(accepted.category).not.toBeNull()
    expect(accepted.status).toBe('triaged')

    const second = await currentCard(first)
    expect(second).not.toBe(first)
    keys('Down', 'Down', 'Enter') // correct
    await waitFor(/Category/, `#${second} `)
    keys('Down', 'Enter') // the category after the suggested one
    await waitFor(/Type/, `#${second} `)
    keys('Enter') // keep the suggested type
    await waitFor(/Urgency/, `#${second} `)
    keys('Space', 'Enter') // toggle collective
    await waitFor(/Unit \(type to search\)/, `#${second} `)
    keys('住建')
    await waitFor(/住建局 \(a-housing\)/, `#${second} `)
    keys('Down', 'Enter')
    await waitFor(/Handler/, `#${second} `)
    keys('Down', 'Enter') // 张三
    await waitFor(new RegExp(`saved: #${second} → assigned`))
    const corrected = (await store.cases.get(second))!
    expect(corrected).toMatchObject({unit: '住建局', handler: '张三', status: 'assigned'})
    expect(corrected.flags.collective).toBe(true)
    const ev = (await store.events.forCase(second)).filter((e) => e.action !== 'sla.deadline').at(-1)!
    expect(ev).toMatchObject({action: 'triage', actor: 'wang'})

    const third = await currentCard(second)
    keys('Up', 'Up', 'Enter') // skip (the list wraps: Up from the top is Quit, then Skip)
    const fourth = await currentCard(third)
    expect(fourth).not.toBe(third)
    expect((await store.cases.get(third))!.status).toBe('new')
    keys('C-c') // the terminal "dies" with #fourth leased
    await waitFor(/EXIT=130/)
    spawnSync('tmux', ['kill-session', '-t', session])

    start()
    expect(await currentCard()).toBe(fourth) // own lease first, although #third is older
    keys('Up', 'Enter') // quit
    await waitFor(/EXIT=0/)
    expect((await store.cases.get(fourth))!.status).toBe('new')
    expect(await store.cases.count({status: ['new']})).toBe(8) // 10 imported, 2 decided
  })

  it('correcting the urgency: the flags start as suggested, each toggled one is saved as the clerk left it', {timeout: 120_000}, async () => {
    start()
    const id = await currentCard()
    const c = (await store.cases.get(id))!
    const s = await suggestionsFor(store, c, await loadTriageContext(store))
    const shown = Object.fromEntries(URGENCY_FLAGS.map((f) => [f, s.flags[f].value || c.flags[f]]))
    keys('Down', 'Down', 'Enter') // correct
    await waitFor(/Category/, `#${id} `)
    keys('Enter') // keep the category
    await waitFor(/Type/, `#${id} `)
    keys('Enter') // keep the type
    await waitFor(/Urgency/, `#${id} `)
    keys('Down', 'Down', 'Space') // safety
    keys('Down', 'Space') // urgent
    keys('Enter')
    await waitFor(/Unit \(type to search\)/, `#${id} `)
    keys('住建')
    await waitFor(/住建局 \(a-housing\)/, `#${id} `)
    keys('Down', 'Enter')
    await waitFor(/Handler/, `#${id} `)
    keys('Enter') // (none)
    await waitFor(new RegExp(`saved: #${id} → assigned`))
    await currentCard(id)
    keys('Up', 'Enter') // quit
    await waitFor(/EXIT=0/)
    spawnSync('tmux', ['kill-session', '-t', session])
    const saved = (await store.cases.get(id))!
    expect(saved.flags).toMatchObject({collective: shown.collective, utility: shown.utility, safety: !shown.safety, urgent: !shown.urgent})
    const ev = (await store.events.forCase(id)).filter((e) => e.action === 'triage').at(-1)!
    // The audit log has the correction as the clerk's, not as an accepted suggestion.
    expect(ev).toMatchObject({actor: 'wang', after: {note: {accepted: false}}})
  })
})
