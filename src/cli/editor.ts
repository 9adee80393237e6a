import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {BoardError} from '../errors.js'

/** Opens $VISUAL / $EDITOR on text (the terminal must be a TTY; callers check canPrompt()). */
export async function editText(initial: string, hint: string): Promise<string> {
  const editor = process.env.VISUAL || process.env.EDITOR || 'vi'
  const dir = mkdtempSync(join(tmpdir(), 'board-reply-'))
  const file = join(dir, 'reply.txt')
  try {
    const header = `# ${hint}\n# Lines starting with # are dropped.\n`
    writeFileSync(file, initial ? initial : `\n${header}`)
    // Through a shell so EDITOR may carry arguments ("code --wait").
    const r = spawnSync(`${editor} ${JSON.stringify(file)}`, {stdio: 'inherit', shell: true})
    if (r.status !== 0) throw new BoardError(`${editor} exited with ${r.status ?? r.signal}; nothing was saved`)
    const text = readFileSync(file, 'utf8')
    // Only a fresh draft carries the hint; an existing draft's own lines are kept as written.
    return (initial ? text : text.split('\n').filter((l) => !l.startsWith('#')).join('\n')).trim()
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}
