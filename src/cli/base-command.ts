import {Command, Flags, type Interfaces, ux} from '@oclif/core'
import {userInfo} from 'node:os'

import {BoardError, ExitCode, InterruptedError} from '../errors.js'
import type {Store} from '../store/store.js'
import {detectLang, type Lang, translate} from './i18n.js'
import {canPrompt} from './interactive.js'
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
  private onSigint?: () => void

  public override async init(): Promise<void> {
    await super.init()
    const ctor = this.ctor as typeof BoardCommand
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
    this.local = readLocalConfig(this.config.configDir)
    this.lang = detectLang(this.flags.lang, this.local.locale)
    // First Ctrl-C asks long work to stop at a safe point (a batch boundary); a second one exits now.
    this.onSigint = () => {
      if (this.abort.signal.aborted) process.exit(ExitCode.interrupted)
      this.abort.abort()
      this.warn(translate(this.lang, 'interrupted'))
    }
    process.on('SIGINT', this.onSigint)
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

  protected async store(): Promise<Store> {
    if (!this.openedStore) {
      const {openStore} = await import('../store/open.js')
      this.openedStore = await openStore(this.storeLocation(), {now: this.now()})
    }
    return this.openedStore
  }

  /** Progress, warnings and notes: stderr, so stdout stays data. */
  protected note(message: string): void {
    this.io.stderr.write(message + '\n')
  }

  /** Data for people (tables, text) on stdout; --json output goes through the return value. */
  protected out(text: string): void {
    if (!this.json) this.io.stdout.write(text.endsWith('\n') ? text : text + '\n')
  }

  /** --json output, through this command's stdout. */
  public override logJson(json: unknown): void {
    this.io.stdout.write(ux.colorizeJson(json, {pretty: true, theme: this.config.theme?.json}) + '\n')
  }

  protected throwIfAborted(): void {
    if (this.abort.signal.aborted) throw new InterruptedError()
  }

  protected override async catch(error: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<void> {
    const prefix = this.t('error.prefix')
    if (error instanceof BoardError) {
      process.exitCode = error.exitCode
      this.note(`${prefix}: ${error.message}`)
      if (error.suggestion) this.note(`${this.t('error.hint')}: ${error.suggestion}`)
      return
    }
    if (error.name === 'ExitPromptError' || error.name === 'AbortPromptError') {
      process.exitCode = ExitCode.interrupted
      return
    }
    if (error.oclif?.exit !== undefined) {
      // oclif's own parse and usage errors
      process.exitCode = error.oclif.exit === 0 ? 0 : error.oclif.exit === 1 ? ExitCode.usage : error.oclif.exit
      if (error.oclif.exit !== 0) this.note(`${prefix}: ${error.message}`)
      return
    }
    process.exitCode = ExitCode.failure
    this.note(`${this.t('error.bug')}: ${error.message}`)
    if (this.io.env.DEBUG) this.note(error.stack ?? '')
  }

  protected override async finally(error: Error | undefined): Promise<void> {
    if (this.onSigint) process.off('SIGINT', this.onSigint)
    if (this.openedStore) await this.openedStore.close()
    if (this.abort.signal.aborted && !process.exitCode) process.exitCode = ExitCode.interrupted
    await super.finally(error)
  }
}
