import {Config} from '@oclif/core'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {Readable} from 'node:stream'

import type {BoardCommand} from '../../src/cli/base-command.js'
import type {CommandIO, OutputStream} from '../../src/cli/io.js'
import {type CliResult, cliEnv, ROOT} from './run-cli.js'

// Runs a command in this process, as `board ARGV…` would run it, through the base command's IO
// seam: stdout, stderr, stdin, TTY flags, environment and clock are the test's. It is the fast
// tier's way to test commands (gh's iostreams.Test()); a spawned CLI (run-cli.ts) is for what
// needs a real process: worker threads, signals, a pseudo-terminal, a browser.
//
// Code below the base command that still reads the process's own streams or environment (the
// prompting decision, progress lines, stdin for `-`) sees the same injected values: for the time
// of the run, process.env, process.stdin and the TTY flags are the test's and writes to
// process.stdout/stderr are captured. Runs in one file therefore go one at a time.

export interface RunOptions {
  /** The store location (BOARD_STORE); '' like the spawned CLI when omitted. */
  store?: string
  /** Added to the environment the spawned CLI gets (LANG=C, NO_COLOR=1, no config file). */
  env?: Record<string, string>
  /** The clock (the command's now()); else BOARD_NOW from env, else the real time. */
  now?: Date
  /** What the command reads on stdin. */
  stdin?: string
  /** The same, by the name the spawning helpers (run-cli.ts) give it. */
  input?: string
  /** Which streams are terminals; none by default, as when piped. */
  tty?: {stdin?: boolean; stdout?: boolean; stderr?: boolean}
  /** The terminal's width when stdout is one. */
  columns?: number
}

type CommandClass = (new (argv: string[], config: Config) => BoardCommand<never>) & {id?: string}

let config: Promise<Config> | undefined
const loadConfig = () => (config ??= Config.load(ROOT))

/** The command class for argv (the longest run of words naming a file under commands/), and the rest. */
async function resolve(argv: string[]): Promise<{Cmd: CommandClass; id: string; rest: string[]}> {
  for (let n = argv.length; n > 0; n--) {
    const words = argv.slice(0, n)
    if (words.some((w) => w.startsWith('-'))) continue
    for (const file of [join(ROOT, 'commands', ...words) + '.ts', join(ROOT, 'commands', ...words, 'index.ts')]) {
      if (existsSync(file)) {
        const mod = (await import(file)) as {default: CommandClass}
        return {Cmd: mod.default, id: words.join(':'), rest: argv.slice(n)}
      }
    }
  }
  throw new Error(`no command for: board ${argv.join(' ')}`)
}

function capture(isTTY: boolean, columns?: number): OutputStream & {text: string} {
  const s = {text: '', isTTY, columns, write: (chunk: string | Uint8Array) => ((s.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()), true)}
  return s
}

/** Sets a property for the run; returns how to put it back. */
function override(target: object, key: PropertyKey, value: unknown): () => void {
  const before = Object.getOwnPropertyDescriptor(target, key)
  Object.defineProperty(target, key, {value, configurable: true, writable: true, enumerable: before?.enumerable ?? true})
  return () => (before ? Object.defineProperty(target, key, before) : delete (target as Record<PropertyKey, unknown>)[key])
}

/**
 * `board ARGV…` in-process: resolves the command under commands/, runs it with injected IO and
 * returns its exit status and output, as a spawned CLI would.
 */
export async function runCommand(argv: string[], opts?: RunOptions): Promise<CliResult>
export async function runCommand(Cmd: CommandClass, argv: string[], opts?: RunOptions): Promise<CliResult>
export async function runCommand(a: string[] | CommandClass, b?: string[] | RunOptions, c?: RunOptions): Promise<CliResult> {
  const {Cmd, id, rest} = Array.isArray(a) ? await resolve(a) : {Cmd: a, id: a.id ?? '', rest: b as string[]}
  const opts = (Array.isArray(a) ? b : c) as RunOptions | undefined ?? {}
  const env = cliEnv(opts)
  const tty = {stdin: false, stdout: false, stderr: false, ...opts.tty}
  const stdout = capture(tty.stdout, tty.stdout ? (opts.columns ?? 80) : undefined)
  const stderr = capture(tty.stderr, tty.stderr ? (opts.columns ?? 80) : undefined)
  const text = opts.stdin ?? opts.input
  const stdin = Object.assign(Readable.from(text === undefined ? [] : [Buffer.from(text)]), {isTTY: tty.stdin})
  const io: CommandIO = {stdout, stderr, stdin, env, now: opts.now ? () => opts.now! : undefined}

  const restore: (() => void)[] = []
  const savedEnv = process.env
  const savedExitCode = process.exitCode
  try {
    process.env = env
    process.exitCode = undefined
    restore.push(override(process, 'stdin', stdin))
    restore.push(override(process.stdout, 'isTTY', tty.stdout), override(process.stderr, 'isTTY', tty.stderr))
    restore.push(override(process.stdout, 'columns', stdout.columns), override(process.stderr, 'columns', stderr.columns))
    restore.push(override(process.stdout, 'write', stdout.write), override(process.stderr, 'write', stderr.write))
    Cmd.id = id
    const cmd = new Cmd(rest, await loadConfig())
    cmd.io = io
    // What Command.run does once it has built the command; building it here lets the IO go in first.
    await (cmd as unknown as {_run(): Promise<unknown>})._run()
    return {status: Number(process.exitCode ?? 0), stdout: stdout.text, stderr: stderr.text}
  } catch (error) {
    // What escapes the base command's catch: an oclif exit, or a bug in the runner itself.
    const e = error as Error & {oclif?: {exit?: number}}
    if (e.oclif?.exit !== undefined) return {status: e.oclif.exit, stdout: stdout.text, stderr: stderr.text + e.message + '\n'}
    throw error
  } finally {
    for (const undo of restore.reverse()) undo()
    process.env = savedEnv
    process.exitCode = savedExitCode
  }
}

/**
 * `board ARGV…` when oclif shows help (ARGV holds --help, or follows `board help`): the help class
 * package.json names, from the sources, with the same injected environment and streams. `width`
 * is the terminal's (oclif's maxWidth); 80 when not given, as oclif has it for a pipe.
 */
export async function runHelp(argv: string[], opts: RunOptions & {width?: number} = {}): Promise<CliResult> {
  const {default: BoardHelp} = await import('../../src/cli/help/board-help.js')
  const env = cliEnv(opts)
  const tty = {stdout: false, ...opts.tty}
  const stdout = capture(tty.stdout, tty.stdout ? (opts.width ?? 80) : undefined)
  const restore: (() => void)[] = []
  const savedEnv = process.env
  try {
    process.env = env
    restore.push(override(process.stdout, 'isTTY', tty.stdout), override(process.stdout, 'write', stdout.write))
    // The terminal guard marks a stream it has wrapped; this run's stream is the test's.
    restore.push(override(process.stdout, Symbol.for('board.terminalGuard'), undefined))
    await new BoardHelp(await loadConfig(), {maxWidth: opts.width ?? 80}).showHelp(argv)
    return {status: 0, stdout: stdout.text, stderr: ''}
  } finally {
    for (const undo of restore.reverse()) undo()
    process.env = savedEnv
  }
}

