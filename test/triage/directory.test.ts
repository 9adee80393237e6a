import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {importHandlers, importUnits, listHandlers, listUnits} from '../../src/services/cases/directory.js'
import {backendList, freshStore} from '../helpers/backends.js'
import {runCommand} from '../helpers/run-command.js'

const now = new Date('2024-03-01T00:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'board-dir-'))
const unitsCsv = join(dir, 'units.csv')
// The child comes before its parent and one row points at a parent that does not exist.
writeFileSync(unitsCsv, '编码,名称,上级,类型\na-housing,A市住房和城乡建设局,a,department\na,A市,hn,city\nhn,湖南省,,province\nx,孤儿,nowhere,department\n')
const handlersCsv = join(dir, 'handlers.csv')
writeFileSync(handlersCsv, 'code,name,unit,email,on_duty,capacity\nzhang3,张三,a-housing,z@example.org,yes,30\nli4,李四,a-housing,,no,\nbad,坏,nounit,,,\n')

describe.each(backendList)('units and handlers on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('imports a unit hierarchy in any row order and reports rows it cannot place', async () => {
    const store = await freshStore(backend)
    try {
      const r = await importUnits(store, unitsCsv, {actor: 't', now})
      expect(r.succeeded.map((u) => u.code).sort()).toEqual(['a', 'a-housing', 'hn'])
      expect(r.failed).toEqual([{line: 5, reason: 'no parent unit nowhere'}])
      const rows = await listUnits(store)
      expect(rows.map((u) => u.path)).toEqual(['湖南省', '湖南省 / A市', '湖南省 / A市 / A市住房和城乡建设局'])
      expect(rows.find((u) => u.code === 'a-housing')!.parent).toBe('a')

      const h = await importHandlers(store, handlersCsv, {actor: 't', now})
      expect(h.succeeded.map((x) => [x.code, x.onDuty, x.capacity])).toEqual([['zhang3', true, 30], ['li4', false, null]])
      expect(h.failed[0].line).toBe(4)
      const listed = await listHandlers(store, 'a-housing')
      expect(listed.map((x) => [x.code, x.unit, x.load])).toEqual([['li4', 'a-housing', 0], ['zhang3', 'a-housing', 0]])
    } finally {
      await store.close()
    }
  })
})

describe('board unit / handler commands', () => {
  it('add, import and list with --json', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'board-cli-')), 'b.db')
    expect((await runCommand(['unit', 'add', 'hn', '--name', '湖南省', '--kind', 'province'], {store})).status).toBe(0)
    const imp = await runCommand(['unit', 'import', unitsCsv, '--json'], {store})
    expect(imp.status).toBe(1) // one orphan row
    expect(JSON.parse(imp.stdout).succeeded).toHaveLength(3)
    expect((await runCommand(['handler', 'add', 'wang5', '--name', '王五', '--unit', 'a', '--capacity', '5'], {store})).status).toBe(0)
    const list = await runCommand(['handler', 'list', '--json'], {store})
    expect(JSON.parse(list.stdout).map((h: {code: string}) => h.code)).toEqual(['wang5'])
    const units = await runCommand(['unit', 'list'], {store})
    expect(units.stdout.split('\n')[0]).toBe('Code\tPath\tKind\tSupervisor')
  })
})
