import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import type {Reject} from '../../src/import/write/rejects.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {runCommand} from '../helpers/run-command.js'
import {importInto, SAMPLE, scratch} from './import-helpers.js'

// What an import records and says: who wrote imported replies, empty and header-only files,
// JSON given as CSV, invalid JSON, a directory, and a dry run that creates nothing.

const files = scratch()
const HEADER = '留言编号,留言主题,留言时间,留言详情,答复意见,答复时间'

describe.each(backendList)('imported replies on $name', (backend) => {
  afterAll(() => backend.cleanup())
  it('are written by the source (import:SOURCE) at the reply time in the file, not by who ran the import', async () => {
    const store = await freshStore(backend)
    const csv = files.file(`replied-${backend.name}.csv`, [HEADER, 'r1,路灯不亮,2019-04-05 09:03:01,正文,已修复。,2019-04-08 16:30:00'].join('\n') + '\n')
    await importInto(store, [csv, join(SAMPLE, 'messages.csv')], {actor: 'root', source: 'sample'})
    const r1 = (await store.cases.getByRef('sample', 'r1'))!
    expect(await store.cases.replies(r1.id)).toMatchObject([{author: 'import:sample', body: '已修复。', sentAt: '2019-04-08T08:30:00.000Z', status: 'sent'}])
    // the sample's replies, inserted in groups, the same
    const some = (await store.cases.list({status: ['replied'], limit: 60})).filter((c) => c.ref !== 'r1')
    expect(some.length).toBeGreaterThan(50)
    for (const c of some) for (const reply of await store.cases.replies(c.id)) expect(reply.author).toBe('import:sample')
    // the audit event still names who ran the import
    expect((await store.events.forCase(r1.id))[0]).toMatchObject({actor: 'root', action: 'import.create'})
    await store.close()
  })
})

describe('what an import says about odd files (in-process)', async () => {
  const [backend] = backendList
  afterAll(() => backend.cleanup())

  it('a 0-byte file is noted empty; a header-only file header-only; neither writes anything', async () => {
    const store = await freshStore(backend)
    const r = await importInto(store, [files.file('empty.csv', ''), files.file('header.csv', HEADER + '\n'), files.file('empty.json', '')])
    expect(r.files.map((f) => [f.read, f.note])).toEqual([[0, 'empty'], [0, 'header-only'], [0, 'empty']])
    await store.close()
  })

  it('a .json file read as CSV gets the hint --format open311, not --map', async () => {
    const store = await freshStore(backend)
    for (const name of ['requests.json', 'requests.txt']) {
      const file = files.file(name, JSON.stringify([{service_request_id: '1', service_name: 'x', requested_datetime: '2019-04-05T09:03:01Z'}]))
      const error = await importInto(store, [file]).catch((e: Error & {suggestion?: string}) => e)
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toMatch(/looks like JSON, not CSV/)
      expect((error as {suggestion?: string}).suggestion).toMatch(/--format open311/)
      expect((error as {suggestion?: string}).suggestion).not.toMatch(/--map/)
    }
    await store.close()
  })

  it('invalid JSON is reported with line and column, and the requests around it are imported', async () => {
    const store = await freshStore(backend)
    const text = '[\n  {"service_request_id": "1", "service_name": "a", "requested_datetime": "2019-04-05T09:03:01Z"},\n  {"service_request_id": "2", "service_name": "b" "requested_datetime": "2019-04-05T09:03:01Z"},\n  {"service_request_id": "3", "service_name": "c", "requested_datetime": "2019-04-05T09:03:01Z"}\n]\n'
    const rejects: Reject[] = []
    const r = await importInto(store, [files.file('bad.json', text)], {format: 'open311', source: 'j', onReject: (x) => rejects.push(x)})
    expect(r.files[0]).toMatchObject({inserted: 2, rejected: 1})
    expect(rejects).toHaveLength(1)
    // line 3, column 51: where the comma is missing
    expect(rejects[0]).toMatchObject({line: 3})
    expect(rejects[0].reason).toMatch(/^not valid JSON at line 3, column 51: expected ',' or '}' after a property value/)
    const broken = await importInto(store, [files.file('cut.json', '[\n{"service_request_id": "9", "service_name": "a", "requested_datetime": "2019-04-05T09:03:01Z"},\n{"service_req')], {format: 'open311', source: 'k', onReject: (x) => rejects.push(x)})
    expect(broken.files[0]).toMatchObject({inserted: 1, rejected: 1})
    expect(rejects[1].reason).toMatch(/not valid JSON at line 3, column \d+: /)
    expect(rejects[1].reason).not.toMatch(/position/)
    await store.close()
  })

  it('a directory as FILE is an error naming the path', async () => {
    const store = await freshStore(backend)
    const error = await importInto(store, [files.dir]).catch((e: Error) => e)
    expect((error as Error).message).toBe(`${files.dir} is a directory, not a file`)
    await store.close()
  })
})

describe('board import, exit codes and wording (the built CLI)', () => {
  it('0-byte file: a warning and exit 1; header-only: a note and exit 0', async () => {
    const store = join(files.dir, 'cli.db')
    const empty = await runCommand(['import', files.file('cli-empty.csv', '')], {store})
    expect(empty.status).toBe(1)
    expect(empty.stderr).toMatch(/warning: .*cli-empty\.csv is empty/)
    const header = await runCommand(['import', files.file('cli-header.csv', HEADER + '\n')], {store})
    expect(header.status, header.stderr).toBe(0)
    expect(header.stderr).toMatch(/cli-header\.csv has a header and no rows/)
  })

  it('--dry-run says "would insert" and creates no store where there was none', async () => {
    const store = join(files.dir, 'nowhere', 'board.db')
    const r = await runCommand(['import', join(SAMPLE, 'messages.csv'), '--source', 'sample', '--dry-run'], {store})
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/read 857, would insert 857, would update 0/)
    expect(r.stderr).toMatch(/dry run: nothing was written/)
    expect(existsSync(store)).toBe(false)
    expect(existsSync(join(files.dir, 'nowhere'))).toBe(false)
  })

  it('a directory as FILE names the path; a .json file without --format hints --format open311', async () => {
    const store = join(files.dir, 'cli2.db')
    const dir = await runCommand(['import', files.dir], {store})
    expect(dir.status).toBe(1)
    expect(dir.stderr).toContain(`${files.dir} is a directory, not a file`)
    const json = await runCommand(['import', files.file('cli.json', '[{"service_request_id": "1"}]')], {store})
    expect(json.status).toBe(2)
    expect(json.stderr).toMatch(/--format open311/)
    expect(json.stderr).not.toMatch(/--map/)
  })
})
