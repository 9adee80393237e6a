// A typo is answered with the corrected command line to copy, never by running a guess: a wrong
// guess on Enter once wrote deadlines for every case. The guess looks at command names only, so a
// long path after the typo cannot pull it towards some other command.

/** Optimal string alignment distance: a swapped pair of letters ("improt") costs one. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

export interface Suggestion {
  /** The command id, words separated by spaces. */
  command: string
  /** The whole corrected command line, quoted for a POSIX shell. */
  line: string
}

/**
 * The nearest command to the words typed (argv as given, without the program name) and the line
 * the user probably meant; undefined when nothing is close enough to be a typo.
 */
export function suggestCommand(bin: string, argv: readonly string[], commandIds: readonly string[]): Suggestion | undefined {
  const words: string[] = []
  for (const a of argv) {
    if (a.startsWith('-')) break
    words.push(a)
  }
  let best: {id: string; distance: number; used: number} | undefined
  for (const id of commandIds) {
    const parts = id.split(/[: ]/)
    if (parts.length > words.length) continue
    const typed = words.slice(0, parts.length).join(' ')
    const name = parts.join(' ')
    const distance = editDistance(typed, name)
    const close = distance <= Math.max(1, Math.min(2, Math.floor(name.length / 3)))
    if (close && (!best || distance < best.distance || (distance === best.distance && parts.length > best.used))) best = {id: name, distance, used: parts.length}
  }
  if (!best) return undefined
  const rest = argv.slice(best.used)
  return {command: best.id, line: [bin, best.id, ...rest.map(shellQuote)].join(' ')}
}

export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
