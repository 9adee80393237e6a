import {parse} from 'csv-parse/sync'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ImportCommandResult} from '../../commands/import.js'
import {openStore} from '../../src/store/open.js'
import {backendList} from '../helpers/backends.js'
import {boardAsync, DATA} from '../helpers/run-cli.js'

// The import's parse thread, through the built CLI (a worker thread needs the compiled parse-worker.js):
// what it keeps for the store to ask about, and the heap it runs in. End-to-end tier.

const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情,一级标签'

let dir: string
const path = (f: string) => join(dir, f)
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'board-parse-thread-'))
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe.each(backendList)('board import on its parse thread on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('a ref reused for another message is rejected quoting its record, which the parse thread kept until asked', async () => {
    const store = await backend.location()
    const tip = (f: string) => join(DATA, 'tipdm2020c', f)
    expect((await boardAsync(['import', tip('labeled_messages.csv'), '--source', 'one'], {store})).status).toBe(0)
    const rejects = path(`conflicts-${backend.name}.csv`)
    const r = await boardAsync(['import', tip('replied_messages.csv'), '--source', 'one', '--rejects', rejects, '--json'], {store})
    expect(r.status).toBe(1)
    expect((JSON.parse(r.stdout) as ImportCommandResult).files[0]).toMatchObject({inserted: 857 - 3, conflicts: 3, rejected: 3})
    const written = parse(readFileSync(rejects), {columns: true, bom: true}) as {line: string; raw: string}[]
    const replied = parse(readFileSync(tip('replied_messages.csv')), {bom: true}) as string[][]
    expect(written.map((w) => parse(w.raw)[0][0]).sort()).toEqual(['125376', '33569', '98798'])
    // Each reject quotes its own record, whole: the same values as the file's row with that ref.
    for (const w of written) {
      const values = parse(w.raw, {relax_column_count: true})[0] as string[]
      expect(replied.find((row) => row[0] === values[0])).toEqual(values)
    }
  })

  it("the fingerprints the parse thread works out are the writer's own: the same file read in one thread is all unchanged", async () => {
    const store = await backend.location()
    const file = join(DATA, 'tipdm2020c', 'labeled_messages.csv')
    expect((await boardAsync(['import', file, '--source', 'fp'], {store})).status).toBe(0)
    const r = await boardAsync(['import', file, '--source', 'fp', '--json'], {store, env: {BOARD_IMPORT_THREADS: '1'}})
    expect(r.status, r.stderr).toBe(0)
    const summary = (JSON.parse(r.stdout) as ImportCommandResult).files[0]
    expect(summary).toMatchObject({inserted: 0, updated: 0, rejected: 0})
    expect(summary.unchanged).toBeGreaterThan(0)
    // A version new to a case would have been remembered beside the first: each case still has one.
    const s = await openStore(store)
    try {
      const cases = (await s.tables.list()).find((t) => t.name === 'cases')!
      const versions = (await s.tables.read(cases, ['import_versions'], {after: null, offset: 0}, 100_000)).map((r) => String(r[0]))
      expect(versions.length).toBe(summary.unchanged)
      expect(versions.filter((v) => v.includes(' '))).toEqual([])
    } finally {
      await s.close()
    }
  })

  it('a file of very long messages imports with the parse thread in a small heap: batches are cut by size too', async () => {
    // 400 messages of 40,000 characters (48 MB): in batches of rows alone the parse thread held
    // them all and died of its heap limit (32 MB here, 64 MB by default: a file of 60,000-character
    // messages did that before).
    const file = path(`long-${backend.name}.csv`)
    const body = '长'.repeat(40_000)
    writeFileSync(file, [HEADER, ...Array.from({length: 400}, (_, i) => `${i + 1},U${i},标题${i},2019-04-05 09:03:01,${body}${i},城乡建设`)].join('\n') + '\n')
    const store = await backend.location()
    const r = await boardAsync(['import', file, '--source', 'long', '--json'], {store, env: {BOARD_PARSE_HEAP_MB: '32'}})
    expect(r.status, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as ImportCommandResult).files[0]).toMatchObject({read: 400, inserted: 400, rejected: 0})
    rmSync(file)
  })
})
