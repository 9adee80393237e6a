import type {IncomingCase} from '../../domain/case.js'

// A checked row as it crosses from the parse thread: an array, not an object. The structured
// clone writes an object's keys with every row and builds it again key by key on the other side,
// on the writer's thread; the same values in an array are read back much faster, and that
// thread is the one an import waits on.

export type WireRow = readonly unknown[]

// Every field of IncomingCase, in wire order; the compiler refuses a field left out.
const FIELDS = ['source', 'ref', 'title', 'body', 'author', 'contact', 'postedAt', 'region', 'addressee', 'type', 'category', 'likes', 'dislikes', 'resolvedAt', 'extra', 'flags'] as const
type Unsent = Exclude<keyof IncomingCase, (typeof FIELDS)[number] | 'reply'>
const everyField: [Unsent] extends [never] ? true : Unsent = true
void everyField

export function toWire(line: number, row: IncomingCase): WireRow {
  const w: unknown[] = [line, row.reply === null ? null : row.reply.body, row.reply?.sentAt ?? null]
  for (const f of FIELDS) w.push(row[f])
  return w
}

export function fromWire(w: WireRow): {line: number; row: IncomingCase} {
  const row = {reply: w[1] === null ? null : {body: w[1] as string, sentAt: w[2] as string | null}} as Record<string, unknown>
  // An optional field the row did not have stays absent, as it was.
  for (let i = 0; i < FIELDS.length; i++) if (w[i + 3] !== undefined) row[FIELDS[i]] = w[i + 3]
  return {line: w[0] as number, row: row as unknown as IncomingCase}
}
