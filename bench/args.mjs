// Command-line arguments of the bench scripts, read one way in all of them.

/** The value after `--name` on the command line, or dflt. */
export function option(name, dflt) {
  const i = process.argv.indexOf(name)
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt
}

/** Whether `--name` is on the command line. */
export const flag = (name) => process.argv.includes(name)

/** The PostgreSQL benches' `[N] [postgres-url]`; the URL falls back to BOARD_TEST_PG, then the machine's test database. */
export function pgArgs(defaultN) {
  return {
    n: Number(process.argv[2] ?? defaultN),
    url: process.argv[3] ?? process.env.BOARD_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test',
  }
}
