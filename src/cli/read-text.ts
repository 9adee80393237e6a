import {readFileSync} from 'node:fs'

import {UsageError} from '../errors.js'

/** --body or --body-file (- for stdin); undefined when neither was given. */
export function textFromFlags(body: string | undefined, file: string | undefined): string | undefined {
  if (body !== undefined && file !== undefined) throw new UsageError('give --body or --body-file, not both')
  if (body !== undefined) return body
  if (file === undefined) return undefined
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`)
  }
}
