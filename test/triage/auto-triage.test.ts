import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {stringify} from 'csv-stringify/sync'
import {afterAll, describe, expect, it} from 'vitest'

import {importFiles} from '../../src/import/import-service.js'
import {trainClassifier} from '../../src/services/triage/classifier.js'
import {openStore} from '../../src/store/open.js'
import {backendList} from '../helpers/backends.js'
import {boardAsync} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'
import {TIPDM} from './tipdm-rows.js'

const now = new Date('2024-05-01T00:00:00Z')
// 600 messages are 12 claims of 50 for each of the 4 runs, all going through the same ids in the
// same order: the runs start together and contend for each chunk, which is the race; a larger file
// repeats it. The claim-level race is also exercised on its own in triage-queue.test.ts.
const N = 600
const dir = mkdtempSync(join(tmpdir(), 'board-auto-'))
const messages = join(dir, 'messages.csv')
const rows = parse(readFileSync(join(TIPDM, 'unlabeled_messages.csv')), {columns: true, bom: true}) as Record<string, string>[]
writeFileSync(messages, stringify(rows.slice(0, N), {header: true}))


describe.each(backendList)('board triage --auto on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('4 concurrent runs over 600 new messages triage each exactly once', {timeout: 240_000}, async () => {
    const location = await backend.location()
    const store = await openStore(location, {now})
    try {
      await trainClassifier(store, {files: [join(TIPDM, 'labeled_titles.csv')], actor: 'admin', now})
      await importFiles(store, {files: [messages], source: 'u', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: join(dir, 'rejects.csv'), dryRun: false, actor: 'admin', now: () => now})
      expect(await store.cases.count({status: ['new']})).toBe(N)

      // --dry-run first: it must write nothing.
      const dry = await runCommand(['triage', '--auto', '--dry-run', '--min-confidence', '0', '--json'], {store: location, env: {BOARD_NOW: now.toISOString()}})
      expect(JSON.parse(dry.stdout).triaged + JSON.parse(dry.stdout).assigned).toBe(N)
      expect(await store.cases.count({status: ['new']})).toBe(N)

      const runs = await Promise.all(
        [1, 2, 3, 4].map((n) => boardAsync(['triage', '--auto', '--min-confidence', '0', '--json', '--store', location], {env: {BOARD_ACTOR: `clerk${n}`, BOARD_NOW: now.toISOString()}})),
      )
      for (const r of runs) expect(r.status, r.stderr).toBe(0)
      const results = runs.map((r) => JSON.parse(r.stdout))
      expect(results.reduce((s, r) => s + r.triaged + r.assigned, 0)).toBe(N)

      const events = await store.events.recent({limit: 10_000, action: 'triage'})
      const perCase = new Map<number, number>()
      for (const e of events) perCase.set(e.caseId!, (perCase.get(e.caseId!) ?? 0) + 1)
      expect(perCase.size).toBe(N)
      expect([...perCase.values()].every((n) => n === 1)).toBe(true)
      expect(await store.cases.count({status: ['new']})).toBe(0)
      // Every run did some of the work: the claims really were shared.
      expect(results.filter((r) => r.triaged + r.assigned > 0).length).toBeGreaterThan(1)
    } finally {
      await store.close()
    }
  })
})
