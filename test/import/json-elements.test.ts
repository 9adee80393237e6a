import {describe, expect, it} from 'vitest'

import {type JsonElement, jsonArrayElements, MAX_ELEMENT_CHARS} from '../../src/import/parse/json-elements.js'
import {runCommand} from '../helpers/run-command.js'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

// An Open311 request over the size limit is read past, not held, and rejected at its line with
// its head; the requests after it are read as usual (as an over-size CSV record is).

const request = (id: string, description: string) =>
  JSON.stringify({service_request_id: id, service_name: '路灯', description, requested_datetime: '2020-01-01T00:00:00Z'})

async function elements(text: string, chunk: number): Promise<JsonElement[]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk)
  }
  const out: JsonElement[] = []
  for await (const batch of jsonArrayElements(chunks())) out.push(...batch)
  return out
}

describe('Open311 requests over the size limit', () => {
  it('are reported at their line with their head, and the next requests are read', async () => {
    // Escaped quotes and backslashes all along the long field, so some fall on a chunk boundary.
    const long = `${'长'.repeat(1000)}\\"引号\\\\`.repeat(Math.ceil(MAX_ELEMENT_CHARS / 1000) + 3000)
    const tail = 'c "d" \\'
    const text = `[\n${request('1', 'a')},\n${request('2', long)},\n${request('3', tail)}\n]\n`
    const out = await elements(text, 1_000_003)
    expect(out.map((e) => e.kind)).toEqual(['element', 'oversize', 'element'])
    const big = out[1] as Extract<JsonElement, {kind: 'oversize'}>
    expect(big.line).toBe(3)
    expect(big.chars).toBe(request('2', long).length)
    expect(request('2', long).startsWith(big.head)).toBe(true)
    expect(big.head.length).toBe(10_000)
    const last = out[2] as Extract<JsonElement, {kind: 'element'}>
    expect(JSON.parse(last.text)).toMatchObject({service_request_id: '3', description: tail})
    expect(last.line).toBe(4)
  })

  it('board import rejects the one request and imports the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-json-big-'))
    try {
      const file = join(dir, 'requests.json')
      writeFileSync(file, `[\n${request('1', 'a')},\n${request('2', 'b'.repeat(MAX_ELEMENT_CHARS + 1))},\n${request('3', 'c')}\n]\n`)
      const r = await runCommand(['import', file, '--format', 'open311', '--source', 'big', '--rejects', join(dir, 'rejects.csv')], {store: join(dir, 'board.db')})
      expect(r.stderr).toMatch(/requests\.json:3: request 2 is over 6,000,000 characters \(6,000,\d+\), not imported .* the import went on with the next request/)
      expect(r.stderr).toMatch(/read 3, inserted 2, updated 0, unchanged 0, rejected 1/)
      expect(r.status).toBe(1)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
