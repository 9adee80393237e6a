import {readFile} from 'node:fs/promises'

import {UsageError} from '../errors.js'

/**
 * All of a file, or of stdin for "-". Stdin is read as a stream: readFileSync(0) fails with EAGAIN
 * or stops short on a non-blocking pipe (`board list --json | board assign --ids -`).
 */
export async function readInput(file: string): Promise<string> {
  if (file !== '-') {
    try {
      return await readFile(file, 'utf8')
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`)
    }
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}
