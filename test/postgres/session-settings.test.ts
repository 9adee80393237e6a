import {afterAll, describe, expect, it} from 'vitest'

import {PostgresExecutor} from '../../src/store/postgres/executor.js'
import {backendList} from '../helpers/backends.js'

const postgres = backendList.filter((b) => b.name === 'postgres')

// The statistics and overdue passes cost PostgreSQL more to JIT-compile than they gain from it.
describe.each(postgres)('PostgreSQL sessions on $name', (backend) => {
  afterAll(() => backend.cleanup())

  it('run without JIT, on the store connection and on the extra ones', async () => {
    const {executor} = await PostgresExecutor.connect(await backend.location())
    try {
      expect(await executor.get('SHOW jit')).toEqual({jit: 'off'})
      const rows = await executor.allConcurrently([
        {sql: 'SHOW jit', params: []},
        {sql: 'SHOW jit', params: []},
      ])
      expect(rows).toEqual([[{jit: 'off'}], [{jit: 'off'}]])
    } finally {
      await executor.close()
    }
  })

  it('leave the options of a URL that sets its own', async () => {
    const url = new URL(await backend.location())
    url.searchParams.set('options', '-c jit=on')
    const {executor} = await PostgresExecutor.connect(url.toString())
    try {
      expect(await executor.get('SHOW jit')).toEqual({jit: 'on'})
    } finally {
      await executor.close()
    }
  })
})
