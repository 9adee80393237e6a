// Where JSON text first goes wrong, for a message a person can act on ("line 12, column 5").
// JSON.parse says only sometimes, and then as an offset into the one value it was given. Used
// only after JSON.parse has failed, so its speed does not matter.

/** The offset of the first error in text (a JSON value, whitespace around it allowed) and what is wrong there. */
export function jsonErrorAt(text: string): {offset: number; reason: string} {
  let i = 0
  const fail = (reason: string): never => {
    throw new Located(i, reason)
  }
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) (i--, fail(`expected ${word}`))
  }
  const string = () => {
    i++ // the opening quote
    for (;;) {
      if (i >= text.length) fail('a string is never closed')
      const c = text.charCodeAt(i)
      if (c === 0x22) return void i++
      if (c < 0x20) fail('a control character (such as a line break) inside a string')
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) (i++, fail('a bad \\u escape'))
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else (i++, fail('a bad escape in a string'))
      } else i++
    }
  }
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m || m[0] === '' || m[0] === '-') fail('expected a value')
    i += m![0].length
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === undefined) fail('the text ends where a value should be')
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail('expected a property name in double quotes')
        string()
        ws()
        if (text[i] !== ':') fail("expected ':' after a property name")
        i++
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') return void i++
        fail("expected ',' or '}' after a property value")
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') return void i++
        fail("expected ',' or ']' after an array element")
      }
    }
    if (c === '"') string()
    else if (c === 't') literal('true')
    else if (c === 'f') literal('false')
    else if (c === 'n') literal('null')
    else number()
  }
  try {
    value()
    ws()
    if (i < text.length) fail('text after the value')
    return {offset: text.length, reason: 'not valid JSON'}
  } catch (error) {
    if (error instanceof Located) return {offset: Math.min(error.offset, text.length), reason: error.reason}
    throw error
  }
}

class Located {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {}
}

/** The 1-based line and column of offset `at` of the file, given a piece of it that starts at a known place. */
export function lineAndColumn(piece: {text: string; offset: number; line: number; column: number}, at: number): {line: number; column: number} {
  const end = Math.min(at - piece.offset, piece.text.length)
  // Searched within the piece only: on a file of one long line, a search for the next \n would read on to its end.
  const text = end < piece.text.length ? piece.text.slice(0, end) : piece.text
  let line = piece.line
  let lastBreak = -1
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) {
    line++
    lastBreak = k
  }
  return {line, column: lastBreak < 0 ? piece.column + end : end - lastBreak}
}
