import type {Command} from '@oclif/core/command'
import type {Topic} from '@oclif/core/interfaces'

import type {Lang} from '../../i18n/translate.js'
import type {Messages} from '../../i18n/messages/messages.js'

// Help in the user's language. The command classes keep the English (oclif's manifest holds it);
// the help catalogue (i18n/messages/help.ts) pairs each text with its Chinese by where it appears:
// `list.summary`, `list.flag.status`, `show.arg.id`, `list.example.0` (what the first example does;
// its command line is shown as it is), `@topic.db`, `@heading.USAGE`. A flag or an
// argument that reads the same in many commands has one shared entry, `*.flag.yes`, `*.arg.id`. An
// entry applies only while its English is the command's English, so a text changed in a command
// shows in English (and fails test/cli/help.test.ts) rather than as a stale translation.

/** Where a text of a command sits, as the catalogue keys it. */
export interface HelpTextPlace {
  key: string
  /** The entry shared by every command whose text reads the same. */
  shared?: string
  en: string
}

/** oclif's help writes ids with the topic separator ('db copy'); the catalogue keys them as ids ('db:copy'). */
const idOf = (id: string) => id.replaceAll(' ', ':')

const summaryOf = (id: string, en: string): HelpTextPlace => ({key: `${id}.summary`, en})
const descriptionOf = (id: string, en: string): HelpTextPlace => ({key: `${id}.description`, en})
const flagOf = (id: string, name: string, field: 'summary' | 'description', en: string): HelpTextPlace => {
  const tail = field === 'summary' ? '.summary' : ''
  return {key: `${id}.flag.${name}${tail}`, shared: `*.flag.${name}${tail}`, en}
}
const argOf = (id: string, name: string, en: string): HelpTextPlace => ({key: `${id}.arg.${name}`, shared: `*.arg.${name}`, en})
const exampleOf = (id: string, index: number, en: string): HelpTextPlace => ({key: `${id}.example.${index}`, en})

/** Every text of a command that help shows and a catalogue must translate. */
export function helpTextPlaces(cmd: Command.Loadable): HelpTextPlace[] {
  const id = idOf(cmd.id)
  const places: HelpTextPlace[] = []
  if (cmd.summary) places.push(summaryOf(id, cmd.summary))
  if (cmd.description) places.push(descriptionOf(id, cmd.description))
  for (const [name, flag] of Object.entries(cmd.flags ?? {})) {
    if (flag.hidden) continue
    if (flag.summary) places.push(flagOf(id, name, 'summary', flag.summary))
    if (flag.description) places.push(flagOf(id, name, 'description', flag.description))
  }
  for (const [name, arg] of Object.entries(cmd.args ?? {})) {
    if (!arg.hidden && arg.description) places.push(argOf(id, name, arg.description))
  }
  for (const [index, example] of (cmd.examples ?? []).entries()) {
    if (typeof example !== 'string' && example.description) places.push(exampleOf(id, index, example.description))
  }
  return places
}

/** The catalogue's entry for a place, if it still translates the command's English. */
export function entryFor(catalogue: Messages, place: HelpTextPlace): string | undefined {
  for (const key of [place.key, place.shared]) {
    const m = key === undefined ? undefined : catalogue[key]
    if (m && m.en === place.en) return key
  }
  return undefined
}

/** Help's words in one language: what each override in board-help.ts asks for. */
export class HelpText {
  constructor(
    readonly lang: Lang,
    private readonly catalogue: Messages = {},
  ) {}

  private say(key: string | undefined, en: string): string {
    if (this.lang === 'en' || key === undefined) return en
    return this.catalogue[key]?.zh ?? en
  }

  /** A fixed word of help's own ("USAGE", "(required)"), by its catalogue key. */
  word(key: string, en: string): string {
    const m = this.catalogue[key]
    return this.lang === 'en' || !m || m.en !== en ? en : m.zh
  }

  heading(en: string): string {
    return this.word(`@heading.${en}`, en)
  }

  /** The command with its texts in the user's language; oclif's own object is left as it is. */
  command(cmd: Command.Loadable): Command.Loadable {
    if (this.lang === 'en') return cmd
    const id = idOf(cmd.id)
    const say = (place: HelpTextPlace) => this.say(entryFor(this.catalogue, place), place.en)
    const flags = Object.fromEntries(
      Object.entries(cmd.flags ?? {}).map(([name, f]) => [
        name,
        {
          ...f,
          summary: f.summary && say(flagOf(id, name, 'summary', f.summary)),
          description: f.description && say(flagOf(id, name, 'description', f.description)),
        },
      ]),
    ) as Command.Loadable['flags']
    const args = Object.fromEntries(
      Object.entries(cmd.args ?? {}).map(([name, a]) => [name, {...a, description: a.description && say(argOf(id, name, a.description))}]),
    ) as Command.Loadable['args']
    const examples = cmd.examples?.map((e, index) => (typeof e === 'string' ? e : {...e, description: say(exampleOf(id, index, e.description))}))
    const copy = Object.create(Object.getPrototypeOf(cmd) as object) as Command.Loadable
    return Object.assign(copy, cmd, {
      summary: cmd.summary && say(summaryOf(id, cmd.summary)),
      description: cmd.description && say(descriptionOf(id, cmd.description)),
      flags,
      args,
      examples,
    })
  }

  topic(topic: Topic): Topic {
    if (this.lang === 'en' || !topic.description) return topic
    return {...topic, description: this.word(`@topic.${idOf(topic.name)}`, topic.description)}
  }
}
