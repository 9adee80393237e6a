import {MAX_RECORD_BYTES, RAW_CHARS} from './csv-reader.js'
import {jsonErrorAt, lineAndColumn} from './json-position.js'

// The elements of a top-level JSON array, cut out of the text as it streams in: each one's text
// goes to JSON.parse on its own, so a file of any length is never held whole, and one bad element
// is one bad request, not a lost file. The cutting follows strings, escapes and nesting only;
// what an element holds is JSON.parse's to judge. A top-level object (a wrapper such as
// {"service_requests": [...]}) is read whole instead.

export type JsonElement =
  /** offset/line/column: where the element starts in the file (line and column 1-based) */
  | {kind: 'element'; text: string; offset: number; line: number; column: number}
  /** An element over MAX_ELEMENT_CHARS: read past, not kept; head is its first RAW_CHARS characters. */
  | {kind: 'oversize'; line: number; chars: number; head: string}
  | {kind: 'error'; line: number; reason: string; raw: string}

/**
 * An element longer than this is read past, not held: one request with a huge field is rejected
 * like an over-size CSV record, in bounded memory, and the next request is read.
 */
export const MAX_ELEMENT_CHARS = MAX_RECORD_BYTES

const WS = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

export async function* jsonArrayElements(stream: AsyncIterable<Buffer | string>): AsyncGenerator<JsonElement[]> {
  // TextDecoder, as the CSV reader uses: it decodes UTF-8 in bulk faster than StringDecoder. A BOM
  // is kept in the text (scan() skips it), so it still counts as a column of line 1.
  const decoder = new TextDecoder('utf-8', {ignoreBOM: true})
  let buf = ''
  /** Where buf starts in the file: offset, and line/column, kept up to date by advance(). */
  let base = 0
  let line = 1
  let column = 1
  let state: 'start' | 'value' | 'element' | 'after' | 'end' | 'whole' = 'start'
  let i = 0
  let depth = 0
  let inString = false
  let count = 0
  let whole: string[] = []
  /** The element being read past (over MAX_ELEMENT_CHARS): where it started and its head. */
  let skipping: {offset: number; line: number; head: string} | null = null
  // The state as scan() left it (a plain read would be narrowed by the compiler to its last assignment).
  const mode = () => state
  /** Drops buf up to k, keeping line and column of its new start. */
  const advance = (k: number) => {
    const at = lineAndColumn({text: buf, offset: base, line, column}, base + k)
    line = at.line
    column = at.column
    buf = buf.slice(k)
    base += k
    i -= k
  }
  const where = (k: number) => lineAndColumn({text: buf, offset: base, line, column}, base + k)
  const stop = (k: number, reason: string): JsonElement => {
    const at = where(k)
    const rest = count > 0 ? `; the rest of the file after request ${count} was not imported` : ''
    return {kind: 'error', line: at.line, reason: `not valid JSON at line ${at.line}, column ${at.column}: ${reason}${rest}`, raw: buf.slice(k, k + 200)}
  }

  const scan = (out: JsonElement[], last: boolean): boolean => {
    while (i < buf.length) {
      const c = buf.charCodeAt(i)
      if (state === 'element') {
        if (inString) {
          // Straight to the next quote; a run of backslashes before it decides if it ends the string.
          const q = buf.indexOf('"', i)
          if (q < 0) {
            i = buf.length
            break
          }
          let b = q - 1
          while (b >= 0 && buf.charCodeAt(b) === 0x5c) b--
          i = q + 1
          if ((q - 1 - b) % 2 === 0) inString = false
          continue
        }
        if (c === 0x22) inString = true
        else if (c === 0x7b || c === 0x5b) depth++
        else if (c === 0x7d || c === 0x5d) {
          if (depth === 0) {
            // the array's own ] after a bare value
            emit(out, i)
            continue
          }
          depth--
          if (depth === 0) {
            emit(out, ++i)
            continue
          }
        } else if (depth === 0 && (c === 0x2c || WS(c))) {
          emit(out, i)
          continue
        }
        i++
        continue
      }
      if (WS(c) || (c === 0xfeff && base + i === 0)) {
        i++
        continue
      }
      if (state === 'start') {
        if (c === 0x5b) state = 'value'
        else if (c === 0x7b) {
          advance(i)
          state = 'whole'
          whole = [buf]
          buf = ''
          i = 0
          return true
        } else {
          out.push(stop(i, 'expected a JSON array of service requests'))
          return false
        }
        i++
      } else if (state === 'value') {
        if (c === 0x5d && count === 0) state = 'end'
        else if (c === 0x5d || c === 0x2c) {
          out.push(stop(i, 'expected a service request'))
          return false
        } else {
          advance(i)
          state = 'element'
          depth = 0
          inString = false
          continue
        }
        i++
      } else if (state === 'after') {
        if (c === 0x2c) state = 'value'
        else if (c === 0x5d) state = 'end'
        else {
          out.push(stop(i, `expected ',' or ']' after request ${count}`))
          return false
        }
        i++
      } else if (state === 'end') {
        out.push(stop(i, 'text after the array'))
        return false
      }
    }
    if (last && state !== 'end' && state !== 'whole') {
      out.push(stop(Math.min(i, buf.length), state === 'start' ? 'the file holds no JSON' : 'the array is never closed'))
      return false
    }
    // Only the element under way is kept, and of one over the limit only its head.
    if (state !== 'element') advance(i)
    else if (skipping || i > MAX_ELEMENT_CHARS) {
      skipping ??= {offset: base, line, head: buf.slice(0, RAW_CHARS)}
      // A run of backslashes at the end is kept: whether the next quote is escaped depends on it.
      let k = i
      while (k > 0 && buf.charCodeAt(k - 1) === 0x5c) k--
      advance(k)
    }
    return true
  }
  const emit = (out: JsonElement[], end: number) => {
    count++
    // One that ends in the chunk that took it over the limit was never read past: it is over all the same.
    if (!skipping && end > MAX_ELEMENT_CHARS) skipping = {offset: base, line, head: buf.slice(0, RAW_CHARS)}
    if (skipping) out.push({kind: 'oversize', line: skipping.line, chars: base + end - skipping.offset, head: skipping.head})
    else out.push({kind: 'element', text: buf.slice(0, end), offset: base, line, column})
    skipping = null
    advance(end)
    state = 'after'
  }

  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, {stream: true})
    if (mode() === 'whole') {
      whole.push(text)
      continue
    }
    buf += text
    const out: JsonElement[] = []
    const going = scan(out, false)
    if (out.length > 0) yield out
    if (!going) return
  }
  const rest = decoder.decode()
  if (mode() === 'whole') {
    yield wrapped(whole.join('') + rest, base, line, column)
    return
  }
  buf += rest
  const out: JsonElement[] = []
  scan(out, true)
  if (out.length > 0) yield out
}

/** A top-level object: its service_requests array, element by element. */
function wrapped(text: string, offset: number, line: number, column: number): JsonElement[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    const e = jsonErrorAt(text)
    const at = lineAndColumn({text, offset, line, column}, offset + e.offset)
    return [{kind: 'error', line: at.line, reason: `not valid JSON at line ${at.line}, column ${at.column}: ${e.reason}`, raw: text.slice(e.offset, e.offset + 200)}]
  }
  const list = (data as {service_requests?: unknown}).service_requests
  if (!Array.isArray(list)) return [{kind: 'error', line, reason: 'expected a JSON array of service requests (or an object with one under "service_requests")', raw: ''}]
  return list.map((item) => ({kind: 'element', text: JSON.stringify(item), offset, line, column}))
}
