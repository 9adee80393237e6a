import {Command} from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import type * as Interfaces from '@oclif/core/interfaces'
import {userInfo} from 'node:os'

import {BoardError, ExitCode, InterruptedError} from '../errors.js'
import type {Store} from '../store/store.js'
import {type Lang, translate} from '../i18n/translate.js'
import {startBackgroundIndex} from './background-index.js'
import {canPrompt} from './interactive.js'
import {listenForInterrupts} from './interrupts.js'
import {jsonText} from './json-output.js'
import {localise} from './localise.js'
import {translateParseError} from './parse-errors.js'
import {runLang} from './run-lang.js'
import {guardTerminal} from './terminal-output.js'
import {type CommandIO, processIO} from './io.js'
import {type LocalConfig, readLocalConfig, resolveStoreLocation} from './local-config.js'
import {colorEnabled} from './render.js'
import {refusePasswordInArgv} from './store-flag.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BoardCommand)['baseFlags'] & T['flags']>
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

/**
 * Owns what every command shares: --json, --store, --lang, --as; the error → exit-code mapping;
 * Ctrl-C → 130; and closing the store whatever happens.
 */
export abstract class BoardCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true
  static override baseFlags = {
    store: Flags.string({
      helpGroup: 'GLOBAL',
      description: 'store: a SQLite file path or postgres://… URL (else BOARD_STORE, the config file, the default file)',
    }),
    lang: Flags.string({helpGroup: 'GLOBAL', options: ['en', 'zh'], description: 'language of messages (else from LANG)'}),
    as: Flags.string({helpGroup: 'GLOBAL', description: 'actor recorded in the audit log (else BOARD_ACTOR, else the OS user)'}),
  }

  /**
   * Reads the store and never changes it: a path with no store is an error, not a new store, and
   * opening it does no maintenance that writes (on a full disk, or beside a running import, reading
   * still works; the next command that writes does the maintenance).
   */
  static readOnly = false

  protected flags!: BaseFlags<T>
  protected args!: BaseArgs<T>
  /** All positional arguments, for commands that take many (strict = false). */
  protected positional: string[] = []
  protected lang: Lang = 'en'
  protected local: LocalConfig = {}
  protected readonly abort = new AbortController()
  /** Streams, environment and clock; tests inject their own to run a command in-process. */
  public io: CommandIO = processIO()
  private openedStore?: Store
  private stopListening?: () => void

  public override async init(): Promise<void> {
    guardTerminal()
    await super.init()
    const ctor = this.ctor as typeof BoardCommand
    this.local = this.readLocal()
    this.lang = runLang(this.argv, this.local.locale)
    const {args, argv, flags} = await this.parse({
      flags: ctor.flags,
      baseFlags: ctor.baseFlags,
      enableJsonFlag: ctor.enableJsonFlag,
      args: ctor.args,
      strict: ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
    this.args = args as BaseArgs<T>
    this.positional = argv as string[]
    this.stopListening = listenForInterrupts(this.abort, () => this.note(this.t('interrupt.stopping')))
  }

  /** The config file; a broken one stops the command, which may need what it says. */
  protected readLocal(): LocalConfig {
    return readLocalConfig(this.config.configDir)
  }

  protected t(key: string, vars?: Record<string, string | number>): string {
    return translate(this.lang, key, vars)
  }

  protected get json(): boolean {
    return this.jsonEnabled()
  }

  protected get tz(): string {
    return this.io.env.BOARD_TZ ?? this.local.timezone ?? 'Asia/Shanghai'
  }

  protected get tty(): boolean {
    return Boolean(this.io.stdout.isTTY)
  }

  protected get color(): boolean {
    return colorEnabled(this.io.stdout)
  }

  protected canPrompt(): boolean {
    return canPrompt({json: this.json})
  }

  protected now(): Date {
    // BOARD_NOW pins the clock for reproducible runs and tests.
    if (this.io.now) return this.io.now()
    return this.io.env.BOARD_NOW ? new Date(this.io.env.BOARD_NOW) : new Date()
  }

  protected async actor(): Promise<string> {
    if (this.flags.as) return this.flags.as
    if (this.io.env.BOARD_ACTOR) return this.io.env.BOARD_ACTOR
    // On PostgreSQL the database user is who acts (row-level security is keyed on it).
    const dbUser = this.openedStore ? await this.openedStore.currentUser() : null
    if (dbUser) return dbUser
    try {
      return userInfo().username
    } catch {
      return 'unknown'
    }
  }

  protected storeLocation(): string {
    refusePasswordInArgv(this.flags.store, '--store')
    return resolveStoreLocation(this.flags.store, this.local, this.config.dataDir)
  }

  /** Whether this run only reads the store (commands whose flags decide override it). */
  protected get readsOnly(): boolean {
    return (this.ctor as typeof BoardCommand).readOnly
  }

  protected async store(): Promise<Store> {
    if (!this.openedStore) {
      const {openStore} = await import('../store/open.js')
      this.openedStore = await openStore(this.storeLocation(), {now: this.now(), readOnly: this.readsOnly, mustExist: this.readsOnly})
    }
    return this.openedStore
  }

  /** Progress, warnings and notes: stderr, so stdout stays data. */
  protected note(message: string): void {
    this.io.stderr.write(localise(this.lang, message) + '\n')
  }

  /** Cases a write left for the search index: their catch-up starts on its own, and the user is told. */
  protected indexInBackground(storeLocation: string, waiting: number): void {
    if (waiting === 0) return
    startBackgroundIndex(this.config.root, storeLocation)
    this.note(this.t('search.indexing', {n: waiting}))
  }

  /** Data for people (tables, text) on stdout; --json output goes through the return value. */
  protected out(text: string): void {
    if (!this.json) this.io.stdout.write(text.endsWith('\n') ? text : text + '\n')
  }

  /** --json output, through this command's stdout. */
  public override logJson(json: unknown): void {
    this.io.stdout.write(jsonText(json, this.config.theme?.json, this.color) + '\n')
  }

  protected throwIfAborted(): void {
    if (this.abort.signal.aborted) throw new InterruptedError()
  }

  protected override async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    const prefix = this.t('error.prefix')
    if (error instanceof BoardError) {
      process.exitCode = error.exitCode
      this.note(`${prefix}: ${localise(this.lang, error.message)}`)
      if (error.suggestion) this.note(`${this.t('error.hint')}: ${localise(this.lang, error.suggestion)}`)
      return
    }
    if (error.name === 'ExitPromptError' || error.name === 'AbortPromptError') {
      process.exitCode = ExitCode.interrupted
      return
    }
    if (error.oclif?.exit !== undefined) {
      // oclif's own parse and usage errors
      process.exitCode = error.oclif.exit === 0 ? 0 : error.oclif.exit === 1 ? ExitCode.usage : error.oclif.exit
      if (error.oclif.exit !== 0) {
        const parsed = translateParseError(this.lang, error.message)
        this.note(`${prefix}: ${parsed.message}`)
        this.note(`${this.t('error.hint')}: ${parsed.hint}`)
      }
      return
    }
    process.exitCode = ExitCode.failure
    this.note(`${this.t('error.bug')}: ${error.message}`)
    if (this.io.env.DEBUG) this.note(error.stack ?? '')
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    this.stopListening?.()
    if (this.openedStore) await this.openedStore.close()
    if (this.abort.signal.aborted && !process.exitCode) process.exitCode = ExitCode.interrupted
    await super.finally(error)
  }
}
