import type {IncomingCase} from '../../domain/case.js'

// A checked row as it crosses from the parse thread: an array, not an object. The structured
// clone writes an object's keys with every row and builds it again key by key on the other side,
// on the writer's thread; the same values in an array are read back much faster, and that
// thread is the one an import waits on.

export type WireRow = readonly unknown[]

// Every field of IncomingCase, in wire order (fromWire reads them by position); the compiler
// refuses a field left out.
const FIELDS = ['source', 'ref', 'title', 'body', 'author', 'contact', 'postedAt', 'region', 'addressee', 'type', 'category', 'likes', 'dislikes', 'resolvedAt', 'extra', 'flags', 'importVersion'] as const
type Unsent = Exclude<keyof IncomingCase, (typeof FIELDS)[number] | 'reply'>
const everyField: [Unsent] extends [never] ? true : Unsent = true
void everyField

export function toWire(line: number, row: IncomingCase): WireRow {
  const w: unknown[] = [line, row.reply === null ? null : row.reply.body, row.reply?.sentAt ?? null]
  for (const f of FIELDS) w.push(row[f])
  return w
}

/** The row item a wire row stands for (one object for it: the writer's thread makes one a row). */
export function fromWire(w: WireRow): {kind: 'row'; line: number; row: IncomingCase} {
  // One literal of every field: a row built key by key grows its property store several times over,
  // garbage on the thread the import waits on.
  const row: IncomingCase = {
    reply: w[1] === null ? null : {body: w[1] as string, sentAt: w[2] as string | null},
    source: w[3] as string,
    ref: w[4] as string,
    title: w[5] as string,
    body: w[6] as string,
    author: w[7] as string | null,
    contact: w[8] as string | null,
    postedAt: w[9] as string,
    region: w[10] as string | null,
    addressee: w[11] as string | null,
    type: w[12] as IncomingCase['type'],
    category: w[13] as string | null,
    likes: w[14] as number | null,
    dislikes: w[15] as number | null,
    resolvedAt: w[16] as string | null,
    extra: w[17] as IncomingCase['extra'],
  }
  // An optional field the row did not have stays absent, as it was.
  if (w[18] !== undefined) row.flags = w[18] as IncomingCase['flags']
  if (w[19] !== undefined) row.importVersion = w[19] as string
  return {kind: 'row', line: w[0] as number, row}
}
