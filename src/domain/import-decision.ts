import type {CitizenMessage, IncomingCase} from './case.js'

/** What the store already holds for a (source, ref), as far as an import can change it. */
export interface StoredForImport extends Omit<CitizenMessage, 'type'> {
  id: number
  type: string | null
  likes: number
  dislikes: number
  resolvedAt: string | null
  reply: {body: string; sentAt: string | null} | null
}

export type ImportDecision =
  | {kind: 'insert'}
  | {kind: 'unchanged'; id: number}
  | {kind: 'update'; id: number; before: Record<string, unknown>; after: Record<string, unknown>; reply: boolean}
  | {kind: 'conflict'; id: number}

const UPDATABLE = ['title', 'body', 'author', 'contact', 'postedAt', 'region', 'addressee', 'type', 'category', 'likes', 'dislikes', 'resolvedAt'] as const

/**
 * Real exports reuse ids: the same ref with a different posted time AND a different title is a
 * different message and must never overwrite the stored one. A field the file does not carry
 * (null) leaves the stored value alone, so a titles-only file cannot erase bodies.
 */
export function decideImport(stored: StoredForImport | undefined, row: IncomingCase): ImportDecision {
  if (!stored) return {kind: 'insert'}
  if (stored.postedAt !== row.postedAt && stored.title !== row.title) return {kind: 'conflict', id: stored.id}
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const key of UPDATABLE) {
    const next = row[key]
    if (next === null || next === undefined || next === '') continue
    if (stored[key] !== next) {
      before[key] = stored[key]
      after[key] = next
    }
  }
  let reply = false
  if (row.reply && (stored.reply?.body !== row.reply.body || stored.reply?.sentAt !== row.reply.sentAt)) {
    before.reply = stored.reply
    after.reply = row.reply
    reply = true
  }
  if (Object.keys(after).length === 0) return {kind: 'unchanged', id: stored.id}
  return {kind: 'update', id: stored.id, before, after, reply}
}
