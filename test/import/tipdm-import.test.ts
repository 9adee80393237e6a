import {readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterAll, describe, expect, it} from 'vitest'

import {importFiles, type ImportOptions} from '../../src/import/import-service.js'
import type {Store} from '../../src/store/store.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {DATA} from '../helpers/run-cli.js'

const tip = (f: string) => join(DATA, 'tipdm2020c', f)

function distinctRefs(file: string): number {
  const rows = parse(readFileSync(file), {columns: true, bom: true}) as Record<string, string>[]
  return new Set(rows.map((r) => r['留言编号'])).size
}

function opts(files: string[], source: string, extra: Partial<ImportOptions> = {}): ImportOptions {
  return {
    files,
    source,
    tz: 'Asia/Shanghai',
    format: 'csv',
    rejectsPath: join(tmpdir(), `board-rejects-${process.pid}-${source}.csv`),
    dryRun: false,
    actor: 'test',
    now: () => new Date('2024-01-01T00:00:00Z'),
    ...extra,
  }
}

describe.each(backendList)('import of the TipDM exports on $name', (backend) => {
  let store: Store
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('keeps exactly the distinct refs of each file, then reports all unchanged', async () => {
    store = await freshStore(backend)
    for (const f of ['labeled_messages.csv', 'replied_messages.csv', 'voted_messages.csv', 'unlabeled_messages.csv', 'preview_sample.csv']) {
      const source = f.replace('.csv', '')
      const first = await importFiles(store, opts([tip(f)], source))
      expect(await store.cases.count({source}), f).toBe(distinctRefs(tip(f)))
      expect(first.files[0].inserted).toBe(distinctRefs(tip(f)))
      const again = await importFiles(store, opts([tip(f)], source))
      expect(again.files[0].inserted + again.files[0].updated, f).toBe(0)
      expect(again.files[0].unchanged).toBe(distinctRefs(tip(f)))
    }
  })

  it('the preview repeats one ref with two labels: reported, first kept', async () => {
    const r = await importFiles(store, opts([tip('preview_sample.csv')], 'preview-again'))
    expect(r.files[0].rejected).toBe(1)
    expect(r.rejectsFile).not.toBeNull()
    const rejects = readFileSync(r.rejectsFile!, 'utf8')
    expect(rejects).toMatch(/duplicate ref \d+ in this file, first at line \d+/)
  })

  it('labeled and replied in one source: 942 + 857 − 3 cases, the 3 reused refs rejected as conflicts', async () => {
    const r = await importFiles(store, opts([tip('labeled_messages.csv'), tip('replied_messages.csv')], 'one'))
    expect(await store.cases.count({source: 'one'})).toBe(942 + 857 - 3)
    expect(r.files[1].conflicts).toBe(3)
    const rejects = readFileSync(r.rejectsFile!, 'utf8')
    for (const ref of ['98798', '125376', '33569']) expect(rejects).toContain(`ref ${ref} already names case #`)
  })

  it('replied rows import as replied, with the reply kept as sent and its time as respondedAt', async () => {
    const c = await store.cases.getByRef('replied_messages', '2555')
    expect(c?.status).toBe('replied')
    expect(c?.postedAt).toBe('2019-04-24T07:40:04.000Z')
    const replies = await store.cases.replies(c!.id)
    expect(replies).toHaveLength(1)
    expect(replies[0].status).toBe('sent')
    expect(c?.respondedAt).toBe(replies[0].sentAt)
  })

  it('a changed row updates its case and records an event with before and after', async () => {
    const file = join(tmpdir(), `board-changed-${process.pid}-${backend.name}.csv`)
    const src = readFileSync(tip('labeled_messages.csv'), 'utf8').split('\n')
    const changed = src[1].replace(/,([^,]+)$/, ',交通运输')
    await importFiles(store, opts([file].map(() => tip('labeled_messages.csv')), 'changes'))
    writeFileSync(file, [src[0], changed].join('\n'))
    const r = await importFiles(store, opts([file], 'changes'))
    expect(r.files[0].updated).toBe(1)
    const ref = changed.split(',')[0]
    const c = await store.cases.getByRef('changes', ref)
    expect(c?.category).toBe('交通运输')
    const events = await store.events.forCase(c!.id)
    expect(events.map((e) => e.action)).toEqual(['import.create', 'import.update'])
    expect(events[1].after).toEqual({category: '交通运输'})
  })
})
