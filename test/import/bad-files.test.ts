import {parse} from 'csv-parse/sync'
import iconv from 'iconv-lite'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {ImportCommandResult} from '../../commands/import.js'
import type {ListResult} from '../../commands/list.js'
import {backendList} from '../helpers/backends.js'
import {DATA, ROOT} from '../helpers/run-cli.js'
import {runCommand} from '../helpers/run-command.js'

// Hand-made bad files through `board import`: exit codes, file:line:reason on stderr, the rejects
// CSV, nothing on stdout but data, and a re-run that changes nothing. In-process, where the parse
// runs on the main thread; parse-thread.test.ts runs the built CLI for the thread itself.

const HEADER = '留言编号,留言用户,留言主题,留言时间,留言详情,一级标签'
const BAD_LINES = [
  HEADER, //                                                                 1
  '1,U1,好的标题,2019/4/5 9:03:01,正文一,城乡建设', //                          2 kept
  '2,U2,多行,2019-04-05 09:03:01,"第一行', //                                 3 kept (a record over lines 3-4)
  '第二行",交通运输', //                                                       4
  '', //                                                                      5
  '3,U3,参差,2019-04-05 09:03:01,只有五列', //                                 6 ragged
  '4,U4,坏日期,2019-13-45 10:00,正文,环境保护', //                              7 bad date
  '5,U5,,2019-04-05 09:03:01,,环境保护', //                                    8 empty title and body
  `6,U6,超长,2019-04-05 09:03:01,${'长'.repeat(100_001)},环境保护`, //          9 oversize field
  '7,U7,空字节,2019-04-05 09:03:01,有\u0000空字节,环境保护', //                 10 NUL
  '8,U8,"坏"引号,2019-04-05 09:03:01,正文,环境保护', //                         11 kept: text after a closing quote is text
  '9,U9,控制\u001B[31m红,2019-04-05T09:03:01+08:00,正文\u001B]0;pwned\u0007尾,环境保护', // 12 kept, controls as received
  '10,U10,仅日期,2019-04-05,正文,环境保护', //                                 13 kept
  '11,U11,Excel,43560.375,正文,环境保护', //                                   14 kept
  '12,U12,"引用,逗号",2019-04-05 09:03:01,"他说""你好""",其他', //             15 kept
  '13,U13,"未闭合,2019-04-05 09:03:01,正文,其他', //                           16 unclosed quote, no quote after it:
  '14,U14,之后,2019-04-05 09:03:01,正文,其他', //                              17 the rest of the file is not imported
]
const KEPT = ['1', '2', '8', '9', '10', '11', '12']
const REJECTED: [number, RegExp][] = [
  [6, /expected 6 fields, found 5/],
  [7, /not a valid date: "2019-13-45 10:00"/],
  [8, /title and body are both empty/],
  [9, /is 100001 characters, over the limit of 100000/],
  [10, /NUL byte/],
  [16, /quoted field is never closed: the rest of the file from line 16 was not imported/],
]

let dir: string
const path = (f: string) => join(dir, f)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'board-bad-files-'))
  writeFileSync(path('bad.csv'), BAD_LINES.join('\n') + '\n')
  const gbRows = [HEADER, '101,用户甲,垃圾清运不及时,2019/4/5 9:03:01,小区垃圾三天无人清运，气味难闻。,城乡建设', '102,用户乙,路灯不亮,2019/4/6 20:15:00,路灯坏了一个月。,交通运输']
  writeFileSync(path('gb18030.csv'), iconv.encode(gbRows.join('\r\n') + '\r\n', 'gb18030'))
  writeFileSync(path('bom.csv'), '\uFEFF' + [HEADER, '201,U,带BOM的文件,2019-04-05 09:03:01,正文,其他'].join('\n') + '\n')
})

afterAll(() => rmSync(dir, {recursive: true, force: true}))

async function listJson(store: string, source: string): Promise<ListResult> {
  const r = await runCommand(['list', '--source', source, '--limit', '0', '--json'], {store})
  expect(r.status, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as ListResult
}

describe.each(backendList)('board import of hand-made bad files on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('keeps the good rows, reports each bad one as file:line: reason and in the rejects CSV, exits 1; a re-run changes nothing', async () => {
    const store = await backend.location()
    const rejects = path(`rejects-${backend.name}.csv`)
    const r = await runCommand(['import', path('bad.csv'), '--source', 'bad', '--rejects', rejects], {store})
    expect(r.status, r.stderr).toBe(1)
    expect(r.stdout).toBe('')
    for (const [line, reason] of REJECTED) {
      const reported = r.stderr.split('\n').find((l) => l.startsWith(`${path('bad.csv')}:${line}: `))
      expect(reported, `line ${line}`).toMatch(reason)
    }
    expect(r.stderr).toMatch(/read 13, inserted 7, updated 0, unchanged 0, rejected 6/)
    const written = parse(readFileSync(rejects), {columns: true, bom: true}) as {file: string; line: string; reason: string; raw: string}[]
    expect(written.map((w) => Number(w.line))).toEqual(REJECTED.map(([line]) => line))
    expect(written.every((w) => w.file === path('bad.csv'))).toBe(true)
    expect(written.find((w) => w.line === '6')?.raw).toBe('3,U3,参差,2019-04-05 09:03:01,只有五列')
    expect(written.find((w) => w.line === '16')?.raw).toBe(BAD_LINES.slice(15).join('\n'))

    const cases = await listJson(store, 'bad')
    expect(cases.map((c) => c.ref).sort((a, b) => Number(a) - Number(b))).toEqual(KEPT)
    const byRef = new Map(cases.map((c) => [c.ref, c]))
    expect(byRef.get('1')?.postedAt).toBe('2019-04-05T01:03:01.000Z')
    expect(byRef.get('9')?.postedAt).toBe('2019-04-05T01:03:01.000Z')
    expect(byRef.get('10')?.postedAt).toBe('2019-04-04T16:00:00.000Z')
    expect(byRef.get('11')?.postedAt).toBe('2019-04-05T01:00:00.000Z')
    expect(byRef.get('12')?.title).toBe('引用,逗号')
    expect(byRef.get('8')?.title).toBe('"坏"引号')

    const again = await runCommand(['import', path('bad.csv'), '--source', 'bad', '--rejects', rejects, '--json'], {store})
    expect(again.status).toBe(1)
    const result = JSON.parse(again.stdout) as ImportCommandResult
    expect(result.files[0]).toMatchObject({read: 13, inserted: 0, updated: 0, unchanged: 7, rejected: 6})
  })

  it('stores control characters as received and strips them on display', async () => {
    const store = await backend.location()
    await runCommand(['import', path('bad.csv'), '--source', 'ctl', '--rejects', path('ctl-rejects.csv')], {store})
    const shown = await runCommand(['show', 'ctl/9'], {store})
    expect(shown.status, shown.stderr).toBe(0)
    expect(shown.stdout).toContain('控制[31m红'.replace('[31m', ''))
    expect(shown.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/)
    const listed = await runCommand(['list', '--source', 'ctl'], {store})
    expect(listed.stdout).not.toContain('\u001B')
    const json = JSON.parse((await runCommand(['show', 'ctl/9', '--json'], {store})).stdout) as {case: {title: string; body: string}}
    expect(json.case.title).toBe('控制\u001B[31m红')
    expect(json.case.body).toBe('正文\u001B]0;pwned\u0007尾')
  })

  it('reads GB18030 with Chinese headers and UTF-8 with a BOM without options', async () => {
    const store = await backend.location()
    const gb = await runCommand(['import', path('gb18030.csv'), '--source', 'gb'], {store})
    expect(gb.status, gb.stderr).toBe(0)
    expect((await listJson(store, 'gb')).map((c) => c.title).sort()).toEqual(['垃圾清运不及时', '路灯不亮'].sort())
    const bom = await runCommand(['import', path('bom.csv'), '--source', 'bom'], {store})
    expect(bom.status, bom.stderr).toBe(0)
    expect((await listJson(store, 'bom')).map((c) => c.title)).toEqual(['带BOM的文件'])
  })

  it('a GBK file whose first megabyte is ASCII: the later Chinese row is rejected naming --encoding, not stored mangled', async () => {
    const store = await backend.location()
    const ascii = Array.from({length: 16_000}, (_, i) => `${1000 + i},U,ascii title ${i},2019-04-05 09:03:01,plain ascii body text here,other`)
    const file = path('late-gbk.csv')
    writeFileSync(file, Buffer.concat([Buffer.from(['id,author,title,posted_at,body,category', ...ascii].join('\n') + '\n'), iconv.encode('G1,用户,中文标题,2019-04-05 09:03:01,中文正文,其他\n', 'gbk')]))
    const r = await runCommand(['import', file, '--source', 'late', '--rejects', path('late-rejects.csv')], {store})
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(new RegExp(`late-gbk\\.csv:${ascii.length + 2}: not valid UTF-8 .*--encoding gb18030`))
    const fixed = await runCommand(['import', file, '--source', 'late', '--encoding', 'gbk', '--json'], {store})
    expect(fixed.status, fixed.stderr).toBe(0)
    expect(JSON.parse(fixed.stdout).files[0]).toMatchObject({inserted: 1, unchanged: ascii.length})
    expect((await listJson(store, 'late')).find((c) => c.ref === 'G1')?.title).toBe('中文标题')
  })

  it('imports the NYC 311 sample with a map file: exactly its distinct Unique Keys, then all unchanged', async () => {
    const store = await backend.location()
    const nyc = join(DATA, 'us311', 'nyc_311_sample_1000.csv')
    const keys = new Set((parse(readFileSync(nyc), {columns: true, bom: true}) as Record<string, string>[]).map((r) => r['Unique Key']))
    const map = join(ROOT, 'data', 'maps', 'nyc311.json')
    const r = await runCommand(['import', nyc, '--map', map, '--source', 'nyc', '--json'], {store})
    expect(r.status, r.stderr).toBe(0)
    expect(await listJson(store, 'nyc')).toHaveLength(keys.size)
    const again = JSON.parse((await runCommand(['import', nyc, '--map', map, '--source', 'nyc', '--json'], {store})).stdout) as ImportCommandResult
    expect(again.files[0]).toMatchObject({inserted: 0, updated: 0, unchanged: keys.size})
  })

  it('imports Open311 JSON and CSV from stdin (-)', async () => {
    const store = await backend.location()
    const requests = [
      {service_request_id: 'r1', service_name: 'Pothole', description: 'Deep hole', requested_datetime: '2019-04-05T09:03:01-04:00', status: 'open'},
      {service_request_id: 'r2', service_name: 'Graffiti', description: 'On the wall', requested_datetime: '2019-04-06T10:00:00Z', status: 'closed', status_notes: 'Removed', updated_datetime: '2019-04-07T10:00:00Z'},
      {service_request_id: 'r3', service_name: 'Noise', description: 'Loud', requested_datetime: 'last tuesday', status: 'open'},
    ]
    const o = await runCommand(['import', '-', '--format', 'open311', '--source', 'o311', '--rejects', path('o311-rejects.csv')], {store, input: JSON.stringify(requests)})
    expect(o.status).toBe(1)
    expect(o.stderr).toMatch(/^stdin:3: .*"last tuesday"/m)
    const cases = await listJson(store, 'o311')
    expect(cases.map((c) => c.ref).sort()).toEqual(['r1', 'r2'])
    const r2 = cases.find((c) => c.ref === 'r2')!
    expect(r2).toMatchObject({postedAt: '2019-04-06T10:00:00.000Z', respondedAt: '2019-04-07T10:00:00.000Z', resolvedAt: '2019-04-07T10:00:00.000Z', status: 'closed'})

    const csv = [HEADER, '301,U,来自标准输入,2019-04-05 09:03:01,正文,其他'].join('\n')
    const s = await runCommand(['import', '-', '--source', 'stdin'], {store, input: csv})
    expect(s.status, s.stderr).toBe(0)
    expect((await listJson(store, 'stdin')).map((c) => c.ref)).toEqual(['301'])
  })

  it('an unknown header is a usage error naming --map; a missing file a failure; a bad --tz a usage error', async () => {
    const store = await backend.location()
    writeFileSync(path('unknown.csv'), 'a,b,c\n1,2,3\n')
    const r = await runCommand(['import', path('unknown.csv')], {store})
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/no column for ref/)
    expect(r.stderr).toMatch(/--map FILE/)
    const missing = await runCommand(['import', path('nope.csv')], {store})
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv/)
    expect((await runCommand(['import', path('bom.csv'), '--tz', 'Mars/Olympus'], {store})).status).toBe(2)
  })

  it('--dry-run validates and reports but writes nothing', async () => {
    const store = await backend.location()
    const r = await runCommand(['import', path('bad.csv'), '--source', 'dry', '--dry-run', '--json'], {store})
    expect(r.status).toBe(1)
    const result = JSON.parse(r.stdout) as ImportCommandResult
    expect(result).toMatchObject({dryRun: true, rejectsFile: null})
    expect(result.files[0]).toMatchObject({inserted: 7, rejected: 6})
    expect(r.stderr).toMatch(/dry run: nothing was written/)
    // Nothing written, not even the store: on SQLite there is no file to list.
    if (backend.name === 'sqlite') expect(existsSync(store)).toBe(false)
    else expect(await listJson(store, 'dry')).toEqual([])
    if (backend.name === 'sqlite') expect(existsSync(join(store, '..', 'rejects'))).toBe(false)
  })
})

