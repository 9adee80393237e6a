import {readInput} from './read-input.js'
import {UsageError} from '../errors.js'

/**
 * A small CSV file (units, handlers, a mapping) as header-keyed rows. Headers are matched through
 * `aliases` so that an export with Chinese headers (编码, 名称, …) reads like the English one.
 */
export async function readCsvTable(file: string, aliases: Record<string, string[]>): Promise<{line: number; row: Record<string, string>}[]> {
  const text = (await readInput(file)).replace(/^\uFEFF/, '')
  const {parse} = await import('csv-parse/sync')
  const records = parse(text, {relax_column_count: true, skip_empty_lines: true}) as string[][]
  if (records.length === 0) return []
  const header = records[0].map((h) => canonical(h.trim(), aliases))
  return records.slice(1).map((values, i) => {
    const row: Record<string, string> = {}
    header.forEach((h, j) => {
      if (h && values[j] !== undefined) row[h] = values[j].trim()
    })
    return {line: i + 2, row}
  })
}

function canonical(header: string, aliases: Record<string, string[]>): string | undefined {
  const lower = header.toLowerCase()
  for (const [key, names] of Object.entries(aliases)) if (key === lower || names.includes(header)) return key
  return undefined
}

/** "yes/no/1/0/true/false/是/否" → boolean; empty → fallback. */
export function parseYesNo(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback
  if (/^(1|y|yes|true|on|是|在岗)$/i.test(raw)) return true
  if (/^(0|n|no|false|off|否|不在岗)$/i.test(raw)) return false
  throw new UsageError(`not a yes/no value: ${raw}`)
}
