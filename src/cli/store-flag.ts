import {UsageError} from '../errors.js'

// A password on the command line is visible to every user of the machine (ps, /proc, shell
// history). One given in BOARD_STORE or the config file is the owner's choice and is accepted.

/** Throws a UsageError when a store location typed as a flag carries a password. */
export function refusePasswordInArgv(location: string | undefined, flag: string): void {
  if (!location || !/^postgres(ql)?:\/\//i.test(location)) return
  let password = ''
  try {
    const u = new URL(location)
    // libpq takes one as a URL parameter too: postgres://u@h/db?password=…
    password = u.password || (u.searchParams.get('password') ?? '') || (u.searchParams.get('sslpassword') ?? '')
  } catch {
    password = /^[^:]+:\/\/[^/@:]*:([^@/]*)@/.exec(location)?.[1] ?? /[?&](ssl)?password=([^&]*)/i.exec(location)?.[2] ?? ''
  }
  if (password) {
    throw new UsageError(
      `${flag} must not carry a password: the command line is visible to other users`,
      `drop it from the URL and set PGPASSWORD or ~/.pgpass (or put the URL in BOARD_STORE)`,
    )
  }
}
