import {StringDecoder} from 'node:string_decoder'

// The one sanitiser between board and a terminal. Every write to stdout or stderr, when that
// stream is a terminal, passes through it: board's own output, oclif's warnings and parse errors,
// prompts. Citizen text reaches the screen in many ways (a reject reason quoting a field, an
// exported row, an error naming a header) and each could clear the screen or retitle the window;
// guarding the stream covers the ways nobody thought of. A file or a pipe gets the bytes as stored.

// Colour (SGR) is always kept; NO_COLOR is decided where colour is made, not here.
const SGR = /^\u001B\[[0-9;:]*m$/
// What a prompt needs to redraw itself in place (@inquirer/ansi): cursor up/down/left/column,
// erase line, show/hide cursor. Allowed only while a prompt is on screen (see drawing()).
const REDRAW = /^\u001B\[(?:\d*[ABCDGK]|\?25[hl])$/
const SEQUENCE = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[PX^_][^\u001B]*(?:\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]/g
// Remaining C0/C1 controls except tab, newline and carriage return; bidirectional overrides.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

const TOKENS = new RegExp(`${SEQUENCE.source}|${CONTROLS.source}`, 'g')

let prompting = 0

/** Text made safe for a terminal: control sequences removed, colour (and, in a prompt, redraws) kept. */
export function forTerminal(text: string, opts: {redraw?: boolean} = {}): string {
  const redraw = opts.redraw ?? prompting > 0
  // One pass, so the ESC of a kept sequence is not then taken for a stray control.
  return text.replace(TOKENS, (s) => (s.length > 1 && (SGR.test(s) || (redraw && REDRAW.test(s))) ? s : ''))
}

/** Runs a prompt (or anything that redraws lines, like a progress counter) with redraws allowed. */
export async function drawing<T>(fn: () => Promise<T>): Promise<T> {
  prompting++
  try {
    return await fn()
  } finally {
    prompting--
  }
}

/** The same, for one synchronous write (a progress line redrawn in place). */
export function drawingNow(fn: () => void): void {
  prompting++
  try {
    fn()
  } finally {
    prompting--
  }
}

const GUARDED = Symbol.for('board.terminalGuard')

type Write = NodeJS.WriteStream['write']

/** Puts the sanitiser in front of stdout and stderr where they are terminals. Idempotent. */
export function guardTerminal(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    const s = stream as NodeJS.WriteStream & {[GUARDED]?: boolean}
    if (!s.isTTY || s[GUARDED]) continue
    s[GUARDED] = true
    const write = s.write.bind(s) as (chunk: unknown, ...rest: unknown[]) => boolean
    const decoder = new StringDecoder('utf8')
    s.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
      const text = typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? decoder.write(Buffer.from(chunk)) : String(chunk)
      // An encoding argument described the chunk, which is now a string.
      const args = typeof rest[0] === 'string' ? rest.slice(1) : rest
      return write(forTerminal(text), ...args)
    }) as Write
  }
}
