// What a command sees of its surroundings: where its output goes, whether those are terminals,
// its environment and its clock. A command run by the CLI gets the process's own; a test hands
// its own in (test/helpers/run-command.ts) and runs the command in-process, as gh's IOStreams do.

export interface OutputStream {
  write(chunk: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface CommandIO {
  stdout: OutputStream
  stderr: OutputStream
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  env: NodeJS.ProcessEnv
  /** The clock; when absent, BOARD_NOW in env, else the real time. */
  now?: () => Date
}

/** The process's own streams, environment and clock. */
export function processIO(): CommandIO {
  return {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env}
}
