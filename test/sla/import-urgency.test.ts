import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {Reject} from '../../src/import/write/rejects.js'
import {importFiles} from '../../src/import/import-service.js'
import {loadMapFile} from '../../src/import/check/fields.js'
import {parseUrgency} from '../../src/import/check/urgency.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

// Import carries urgency (紧急程度 / urgency, or any column through --map) onto new cases.

const dir = mkdtempSync(join(tmpdir(), 'board-urgency-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const CSV = `留言编号,留言用户,留言主题,留言时间,留言详情,紧急程度
1,u1,围墙倒塌,2024-03-04 09:00:00,几十户受影响,"紧急,群体性"
2,u2,路灯不亮,2024-03-04 09:10:00,路灯坏了,一般
3,u3,停水,2024-03-04 09:20:00,停水两天,很急吧
`
const MAPPED = `id,subject,time,text,level
9,燃气泄漏,2024-03-04 10:00:00,闻到燃气味,特急 安全
`

it('parseUrgency reads Chinese and English words, several at once, and refuses others', () => {
  expect(parseUrgency('紧急，群体性')).toEqual({urgent: true, collective: true})
  expect(parseUrgency('urgent utility')).toEqual({urgent: true, utility: true})
  expect(parseUrgency('一般')).toEqual({})
  expect(parseUrgency('很急吧')).toBeUndefined()
})

describe.each(backendList)('import urgency on $name', (backend) => {
  let store: Store
  const rejects: Reject[] = []
  const run = async (file: string, extra: Record<string, unknown> = {}) =>
    importFiles(store, {files: [file], source: 'web', tz: 'Asia/Shanghai', format: 'csv', rejectsPath: null, dryRun: false, actor: 'admin', now: () => new Date('2024-03-05T00:00:00Z'), onReject: (r) => rejects.push(r), ...extra})
  beforeAll(async () => {
    store = await openStore(await backend.location(), {now: new Date('2024-03-05T00:00:00Z')})
  })
  afterAll(async () => {
    await store?.close()
    await backend.cleanup()
  })

  it('the 紧急程度 column sets flags on new cases; a word it does not know is a reject naming the field', async () => {
    const file = join(dir, `${backend.name}.csv`)
    writeFileSync(file, CSV)
    const r = await run(file)
    expect(r.files[0].inserted).toBe(2)
    expect((await store.cases.getByRef('web', '1'))!.flags).toEqual({collective: true, utility: false, safety: false, urgent: true})
    expect((await store.cases.getByRef('web', '2'))!.flags.urgent).toBe(false)
    expect(rejects.map((x) => x.reason)).toEqual([expect.stringContaining('field "紧急程度": "很急吧" is not an urgency')])
  })

  it('--map names any column for urgency', async () => {
    const file = join(dir, `${backend.name}-mapped.csv`)
    const map = join(dir, `${backend.name}-map.json`)
    writeFileSync(file, MAPPED)
    writeFileSync(map, JSON.stringify({fields: {ref: 'id', title: 'subject', postedAt: 'time', body: 'text', urgency: 'level'}}))
    await run(file, {mapFile: await loadMapFile(map)})
    expect((await store.cases.getByRef('web', '9'))!.flags).toMatchObject({urgent: true, safety: true})
  })
})
