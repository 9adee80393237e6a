import type {Store} from '../store/store.js'
import type {Lang} from './i18n.js'

export async function triageSession(_store: Store, _opts: {actor: string; now: () => Date; lang: Lang; tz: string}): Promise<{interactive: true; decided: number}> {
  return {interactive: true, decided: 0}
}
