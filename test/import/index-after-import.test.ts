import {describe, expect, it} from 'vitest'

import {INDEX_NOW_MAX, indexAfterWrite} from '../../src/services/cases/search-index.js'
import type {SearchCatchUp, Store} from '../../src/store/store.js'

// What a write leaves for the search index: up to INDEX_NOW_MAX waiting cases it indexes before
// returning; more it leaves waiting (a catch-up of their own), unless told to wait.

function storeWith(waiting: number) {
  let left = waiting
  const batches: number[] = []
  const store = {
    searchWaiting: async () => left,
    catchUpSearch: async (opts: SearchCatchUp) => {
      batches.push(opts.batch)
      const indexed = left
      left = 0
      return {indexed, busy: false}
    },
  } as unknown as Store
  return {store, batches}
}

describe('indexAfterWrite', () => {
  it('indexes up to INDEX_NOW_MAX waiting cases at once', async () => {
    const {store, batches} = storeWith(INDEX_NOW_MAX)
    expect(await indexAfterWrite(store)).toEqual({indexed: INDEX_NOW_MAX, waiting: 0})
    expect(batches.length).toBe(1)
  })

  it('leaves more waiting, for a catch-up of their own', async () => {
    const {store, batches} = storeWith(INDEX_NOW_MAX + 1)
    expect(await indexAfterWrite(store)).toEqual({indexed: 0, waiting: INDEX_NOW_MAX + 1})
    expect(batches).toEqual([])
  })

  it('indexes them all when told to wait (import --index-now)', async () => {
    const {store} = storeWith(INDEX_NOW_MAX * 3)
    expect(await indexAfterWrite(store, {wait: true})).toEqual({indexed: INDEX_NOW_MAX * 3, waiting: 0})
  })

  it('does nothing when nothing waits', async () => {
    const {store, batches} = storeWith(0)
    expect(await indexAfterWrite(store)).toEqual({indexed: 0, waiting: 0})
    expect(batches).toEqual([])
  })
})
