import {drawing} from './terminal-output.js'

type Prompts = typeof import('@inquirer/prompts')

/**
 * @inquirer/prompts, each prompt run inside drawing(): while it is on screen the terminal guard
 * lets through the cursor moves it redraws itself with, and nothing else.
 */
export async function loadPrompts(): Promise<Prompts> {
  const p = await import('@inquirer/prompts')
  const wrap = <F extends (...args: never[]) => Promise<unknown>>(f: F) => ((...args: Parameters<F>) => drawing(() => f(...args))) as unknown as F
  return {...p, confirm: wrap(p.confirm), select: wrap(p.select), input: wrap(p.input), checkbox: wrap(p.checkbox), search: wrap(p.search), editor: wrap(p.editor), password: wrap(p.password), number: wrap(p.number), expand: wrap(p.expand), rawlist: wrap(p.rawlist)} as Prompts
}

/** Ctrl-C (or a closed terminal) inside a prompt: the user stopped, nothing was decided. */
export function isPromptExit(error: unknown): boolean {
  const name = (error as Error | undefined)?.name
  return name === 'ExitPromptError' || name === 'AbortPromptError'
}
