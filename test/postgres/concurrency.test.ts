import {spawn} from 'node:child_process'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import type {IncomingCase} from '../../src/domain/case.js'
import {ConflictError} from '../../src/errors.js'
import {openStore} from '../../src/store/open.js'
import type {Store} from '../../src/store/store.js'
import {backendList} from '../helpers/backends.js'

const postgres = backendList.filter((b) => b.name === 'postgres')
const now = new Date('2024-03-01T00:00:00Z')
const N = 1500
const WORKER = join(import.meta.dirname, 'fixtures', 'claim-worker.mjs')

const message = (i: number): IncomingCase => ({
  source: 'load', ref: String(i), title: `留言 ${i}`, body: '小区停水三天了', author: null, contact: null,
  postedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(), region: null, addressee: null, type: null,
  category: null, likes: null, dislikes: null, reply: null, resolvedAt: null, extra: null,
})

function worker(url: string, name: string): Promise<{code: number; out: string; err: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WORKER, url, name], {stdio: ['ignore', 'pipe', 'pipe']})
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('close', (code) => resolve({code: code ?? -1, out, err}))
  })
}

describe.each(postgres)('concurrency on $name', (backend) => {
  const open: Store[] = []
  afterAll(async () => {
    for (const s of open) await s.close()
    await backend.cleanup()
  })

  // 8 processes claiming 5 at a time race on every claim from the moment the second one starts;
  // 1,500 messages keep them all running together for many claims (a claim that handed one row
  // to two of them fails the version check or counts it twice), without repeating the race for minutes.
  it('8 processes triaging 1,500 messages: each triaged exactly once', async () => {
    const url = await backend.location()
    const store = await openStore(url, {now})
    open.push(store)
    for (let i = 0; i < N; i += 500) {
      await store.cases.importBatch(Array.from({length: 500}, (_, k) => message(i + k)), {actor: 'import', now})
    }
    const runs = await Promise.all(Array.from({length: 8}, (_, i) => worker(url, `clerk${i}`)))
    for (const r of runs) expect(r.code, r.err).toBe(0)
    const counts = runs.map((r) => JSON.parse(r.out).triaged as number)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(N)
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1)
    expect(await store.cases.count({status: ['triaged']})).toBe(N)
    const {executor} = await import('../../src/store/postgres/executor.js').then((m) => m.PostgresExecutor.connect(url))
    try {
      const perCase = await executor.all<{n: number; cases: number}>(
        "SELECT n, count(*) AS cases FROM (SELECT case_id, count(*) AS n FROM events WHERE action = 'triage' GROUP BY case_id) x GROUP BY n",
      )
      expect(perCase).toEqual([{n: 1, cases: N}])
    } finally {
      await executor.close()
    }
  }, 180_000)

  it('two clerks editing one case: one wins, the other gets a conflict, nothing is overwritten', async () => {
    const url = await backend.location()
    const a = await openStore(url, {now})
    const b = await openStore(url, {now})
    open.push(a, b)
    const [{id}] = await a.cases.importBatch([message(1)], {actor: 'import', now})
    const readByA = (await a.cases.get(id))!
    const readByB = (await b.cases.get(id))!
    // A's change is written but not yet committed when B writes: B's UPDATE waits on the row,
    // then finds the version moved on.
    let bResult: Promise<unknown> = Promise.resolve()
    await a.transaction(async (tx) => {
      await tx.cases.change(id, {category: '城乡建设'}, {actor: 'clerkA', now, action: 'edit', expectedVersion: readByA.version})
      bResult = b.cases.change(id, {category: '交通运输'}, {actor: 'clerkB', now, action: 'edit', expectedVersion: readByB.version}).catch((e) => e)
      await new Promise((r) => setTimeout(r, 300))
    })
    expect(await bResult).toBeInstanceOf(ConflictError)
    const after = (await a.cases.get(id))!
    expect(after.category).toBe('城乡建设')
    expect(after.version).toBe(readByA.version + 1)
    expect((await a.events.forCase(id)).filter((e) => e.action === 'edit').map((e) => e.actor)).toEqual(['clerkA'])
    // and B, having read too early, still conflicts afterwards
    await expect(b.cases.change(id, {category: '交通运输'}, {actor: 'clerkB', now, action: 'edit', expectedVersion: readByB.version})).rejects.toBeInstanceOf(ConflictError)
  })
})
