import {spawn, spawnSync} from 'node:child_process'
import {join} from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')
/** The vendored public data the tests read (see test/fixtures/README.md). */
export const DATA = join(ROOT, 'test', 'fixtures')

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

export interface SpawnOptions {
  store?: string
  env?: Record<string, string>
  input?: string
}

/** The environment the built CLI runs with in tests: no config file, C locale, no colour. */
export function cliEnv(opts: Pick<SpawnOptions, 'store' | 'env'>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    BOARD_STORE: opts.store ?? '',
    BOARD_CONFIG: join(ROOT, '.no-config.json'),
    LANG: 'C',
    LC_ALL: '',
    NO_COLOR: '1',
    ...opts.env,
  }
}

/**
 * The run's scratch directory (helpers/temp-root.ts) goes with every child, even one given an
 * environment of its own: else the child, and what it spawns, would write to the system's /tmp.
 */
export function withScratch(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {TMPDIR: process.env.TMPDIR, TMUX_TMPDIR: process.env.TMUX_TMPDIR, ...env}
}

/** A process's end: its exit status (-1 when a signal ended it), the signal, and its output. */
export interface ProcessResult extends CliResult {
  signal: NodeJS.Signals | null
}

/**
 * Runs a program without blocking this process (vitest's worker must keep answering its runner
 * while the child runs). `timeout` kills a child that runs away, so a hang fails one test rather
 * than the run.
 */
export function spawnAsync(file: string, args: string[], opts: {env?: NodeJS.ProcessEnv; input?: string; timeout?: number; cwd?: string} = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {cwd: opts.cwd, env: withScratch(opts.env ?? process.env), stdio: ['pipe', 'pipe', 'pipe'], timeout: opts.timeout})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.on('error', reject)
    child.on('close', (status, signal) => resolve({status: status ?? -1, signal, stdout, stderr}))
    child.stdin.end(opts.input ?? '')
  })
}

/**
 * Runs the built CLI in its own process, without a TTY, and without blocking this one (a test may
 * serve what the CLI calls, and vitest's worker must keep answering its runner). For what needs a
 * real process; commands are otherwise tested in-process with runCommand (run-command.ts).
 */
export async function boardAsync(args: string[], opts: SpawnOptions = {}): Promise<CliResult> {
  const {status, stdout, stderr} = await spawnAsync(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {env: cliEnv(opts), input: opts.input})
  return {status, stdout, stderr}
}

/**
 * The built CLI, synchronously. It blocks vitest's worker for the whole run, which then misses
 * its runner's calls: prefer runCommand, or boardAsync when a real process is needed.
 */
export function board(args: string[], opts: SpawnOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {encoding: 'utf8', input: opts.input ?? '', env: cliEnv(opts), maxBuffer: 64 * 1024 * 1024})
  return {status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr}
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/** The built CLI under util-linux `script`, which gives it a real terminal (a pseudo-terminal) on every stream. */
export function inTerminal(args: string[], opts: SpawnOptions = {}): Promise<CliResult> {
  const cmd = [process.execPath, join(ROOT, 'bin', 'run.js'), ...args].map(shellQuote).join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/script', ['-qec', cmd, '/dev/null'], {env: cliEnv(opts), stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('error', reject)
    child.on('close', (status) => resolve({status: status ?? -1, stdout, stderr}))
  })
}
