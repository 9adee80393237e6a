import type {CitizenMessage, IncomingCase} from './case.js'

/** What the store already holds for a (source, ref), as far as an import can change it. */
export interface StoredForImport extends Omit<CitizenMessage, 'type'> {
  id: number
  type: string | null
  likes: number
  dislikes: number
  resolvedAt: string | null
  reply: {body: string; sentAt: string | null} | null
  /** The versions of this message imports have given (importVersion), oldest first. */
  versions: string[]
}

export type ImportDecision =
  | {kind: 'insert'}
  /** versions: set when this version is new to the case and is to be remembered (no change to the case) */
  | {kind: 'unchanged'; id: number; versions?: string[]}
  | {kind: 'update'; id: number; before: Record<string, unknown>; after: Record<string, unknown>; reply: boolean; versions: string[]}
  | {kind: 'conflict'; id: number}

/** How many versions a case remembers: enough for the files of one source that overlap. */
export const KEPT_VERSIONS = 16

/**
 * A short fingerprint of everything an import row says about its message. FNV-1a, twice over
 * (two offsets), for 64 bits: collisions only matter between versions of one ref.
 */
export function importVersion(row: IncomingCase): string {
  if (row.importVersion !== undefined) return row.importVersion
  const fields = [
    row.title, row.body, row.author, row.contact, row.postedAt, row.region, row.addressee, row.type, row.category,
    row.likes, row.dislikes, row.resolvedAt, row.reply?.body, row.reply?.sentAt,
  ]
  // The hash of the fields joined by \u0001 (\u0002 for a missing one), without building that
  // string: on a large import this ran on the writer's thread for every row.
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let f = 0; f < fields.length; f++) {
    if (f > 0) {
      a = Math.imul(a ^ 1, 0x01000193)
      b = Math.imul(b ^ 1, 0x01000193)
    }
    const v = fields[f]
    const s = v === null || v === undefined ? '\u0002' : String(v)
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      a = Math.imul(a ^ c, 0x01000193)
      b = Math.imul(b ^ c, 0x01000193)
    }
  }
  return (a >>> 0).toString(36).padStart(7, '0') + (b >>> 0).toString(36).padStart(7, '0')
}

/** A case's remembered versions as stored (space-separated), and back. */
export const parseVersions = (stored: string | null | undefined): string[] => (stored ? stored.split(' ') : [])
export const formatVersions = (versions: string[]): string => versions.slice(-KEPT_VERSIONS).join(' ')

const UPDATABLE = ['title', 'body', 'author', 'contact', 'postedAt', 'region', 'addressee', 'type', 'category', 'likes', 'dislikes', 'resolvedAt'] as const

/**
 * Real exports reuse ids: the same ref with a different posted time AND a different title is a
 * different message and must never overwrite the stored one. A field the file does not carry
 * (null) leaves the stored value alone, so a titles-only file cannot erase bodies.
 *
 * Precedence: a row changes its case only when it is a version of the message that imports have
 * not given this case before (`version`, importVersion of the row). Re-running imports, in any
 * order, changes nothing; of two files that disagree, the one whose version arrived last holds;
 * and a clerk's correction stays until the source says something new about the message.
 */
export function decideImport(stored: StoredForImport | undefined, row: IncomingCase, version: string): ImportDecision {
  if (!stored) return {kind: 'insert'}
  if (stored.postedAt !== row.postedAt && stored.title !== row.title) return {kind: 'conflict', id: stored.id}
  if (stored.versions.includes(version)) return {kind: 'unchanged', id: stored.id}
  const versions = [...stored.versions, version]
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
  if (Object.keys(after).length === 0) return {kind: 'unchanged', id: stored.id, versions}
  return {kind: 'update', id: stored.id, before, after, reply, versions}
}
