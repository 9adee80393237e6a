// Expected failures carry their exit code and a hint; anything else is a bug (see base command).
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  conditionMet: 3,
  storeUnreachable: 4,
  interrupted: 130,
} as const

export class BoardError extends Error {
  override name = 'BoardError'
  readonly exitCode: number
  readonly suggestion?: string
  constructor(message: string, opts: {exitCode?: number; suggestion?: string; cause?: unknown} = {}) {
    super(message, {cause: opts.cause})
    this.exitCode = opts.exitCode ?? ExitCode.failure
    this.suggestion = opts.suggestion
  }
}

export class UsageError extends BoardError {
  override name = 'UsageError'
  constructor(message: string, suggestion?: string) {
    super(message, {exitCode: ExitCode.usage, suggestion})
  }
}

/** Prompting was needed but is impossible (no TTY, --json, BOARD_NO_INPUT). */
export class NoInputError extends UsageError {
  override name = 'NoInputError'
}

export class StoreUnreachableError extends BoardError {
  override name = 'StoreUnreachableError'
  constructor(message: string, cause?: unknown, suggestion = 'check --store / BOARD_STORE and that the server is running') {
    super(message, {exitCode: ExitCode.storeUnreachable, cause, suggestion})
  }
}

export class NotFoundError extends BoardError {
  override name = 'NotFoundError'
}

/** Two writers changed one case: the second must re-read, never silently overwrite. */
export class ConflictError extends BoardError {
  override name = 'ConflictError'
}

/** The disk under the store (or the store's size limit) is full: the statement was not written. */
export class StoreFullError extends BoardError {
  override name = 'StoreFullError'
  constructor(message: string, opts: {cause?: unknown; suggestion?: string} = {}) {
    super(message, {cause: opts.cause, suggestion: opts.suggestion ?? 'free disk space (or move the store to a larger disk) and run the command again'})
  }
}

export class ValidationError extends BoardError {
  override name = 'ValidationError'
}

export class InterruptedError extends BoardError {
  override name = 'InterruptedError'
  constructor(message = 'interrupted', suggestion?: string) {
    super(message, {exitCode: ExitCode.interrupted, suggestion})
  }
}
