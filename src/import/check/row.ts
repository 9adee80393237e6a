import {type IncomingCase, parseCaseType} from '../../domain/case.js'
import type {ColumnMap, Field} from './fields.js'
import {parseUrgency} from './urgency.js'
import {parseTimestamp} from './dates.js'

export const MAX_FIELD_CHARS = 100_000

export interface RowContext {
  source: string
  tz: string
  /** Column names for error messages. */
  header: string[]
  /** A date parser for a map file's dateFormat; the built-in formats otherwise. */
  parseDate?: (raw: string) => string
}

export class RowError extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message)
  }
}

/** One CSV record to an IncomingCase, or a RowError naming the field at fault. */
export function toIncoming(values: string[], map: ColumnMap, ctx: RowContext): IncomingCase {
  if (values.length !== ctx.header.length) throw new RowError(null, `expected ${ctx.header.length} fields, found ${values.length}`)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (v.includes('\u0000')) throw new RowError(ctx.header[i], `field "${ctx.header[i]}" contains a NUL byte`)
    if (v.length > MAX_FIELD_CHARS) throw new RowError(ctx.header[i], `field "${ctx.header[i]}" is ${v.length} characters, over the limit of ${MAX_FIELD_CHARS}`)
  }
  const get = (f: Field): string | null => {
    const cols = map[f]
    if (!cols) return null
    // One column a field is the rule: no arrays for it (a million-row file asks this 17 times a row).
    if (cols.length === 1) {
      const v = values[cols[0]]?.trim() ?? ''
      return v === '' ? null : v
    }
    const parts = cols.map((i) => values[i]?.trim() ?? '').filter((s) => s !== '')
    return parts.length > 0 ? parts.join('\n\n') : null
  }
  const colName = (f: Field) => (map[f] ?? []).map((i) => ctx.header[i]).join('+') || f
  const date = (f: Field): string | null => {
    const raw = get(f)
    if (raw === null) return null
    try {
      return ctx.parseDate ? ctx.parseDate(raw) : parseTimestamp(raw, ctx.tz)
    } catch (error) {
      throw new RowError(colName(f), `field "${colName(f)}": ${(error as Error).message}`)
    }
  }
  const count = (f: Field): number | null => {
    const raw = get(f)
    if (raw === null) return null
    if (!/^\d+$/.test(raw)) throw new RowError(colName(f), `field "${colName(f)}": "${raw}" is not a whole number`)
    return Number(raw)
  }

  const ref = get('ref')
  if (ref === null) throw new RowError(colName('ref'), `field "${colName('ref')}" (the message id) is empty`)
  const title = get('title') ?? ''
  const body = get('body') ?? ''
  if (title === '' && body === '') throw new RowError(colName('title'), 'title and body are both empty')
  const postedAt = date('postedAt')
  if (postedAt === null) throw new RowError(colName('postedAt'), `field "${colName('postedAt')}" (posted time) is empty`)
  const replyText = get('reply')
  const repliedAt = date('repliedAt')
  const rawType = get('type')
  const rawUrgency = get('urgency')
  const flags = rawUrgency === null ? null : parseUrgency(rawUrgency)
  if (flags === undefined) throw new RowError(colName('urgency'), `field "${colName('urgency')}": "${rawUrgency}" is not an urgency (e.g. 紧急, 群体性, 水电气热, 安全, 一般; several separated by commas)`)

  return {
    source: ctx.source,
    ref,
    title,
    body,
    author: get('author'),
    contact: get('contact'),
    postedAt,
    region: get('region'),
    addressee: get('addressee'),
    type: parseCaseType(rawType) ?? (rawType ? 'other' : null),
    category: get('category'),
    likes: count('likes'),
    dislikes: count('dislikes'),
    reply: replyText === null ? null : {body: replyText, sentAt: repliedAt},
    resolvedAt: date('resolvedAt'),
    extra: null,
    flags,
  }
}

/**
 * A row's text in characters, the most of what it holds: batches are cut by this as well as by
 * rows, so a file of very long messages keeps memory (and the parse thread's capped heap) flat.
 */
export function rowChars(row: IncomingCase): number {
  return row.title.length + row.body.length + (row.reply?.body.length ?? 0)
}

/** FNV-1a over what identifies a row's content, to tell a repeated row from a differing one. */
export function contentHash(row: IncomingCase): number {
  // The hash of `${title}\u0001${body}\u0001…` without building that string (a copy of every body).
  const parts = [row.title, row.body, row.postedAt, String(row.category), String(row.reply?.body), String(row.likes)]
  let h = 0x811c9dc5
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) h = Math.imul(h ^ 1, 0x01000193)
    const s = parts[p]
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  }
  return h >>> 0
}
