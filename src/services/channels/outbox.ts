import {randomUUID} from 'node:crypto'
import {link, mkdir, unlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import type {ChannelConfig} from '../../domain/reply-channels.js'
import type {Delivery} from './delivery.js'

/**
 * Writes the reply as <key>.json for another system to pick up. The file appears whole or not at
 * all (written aside, then hard-linked into place), and an existing file under the key means an
 * earlier try already delivered it.
 */
export async function deliverOutbox(d: Delivery, config: ChannelConfig): Promise<void> {
  const dir = config.outbox!.dir
  await mkdir(dir, {recursive: true})
  const target = join(dir, `${d.idempotencyKey}.json`)
  const temp = join(dir, `.${d.idempotencyKey}.${randomUUID()}.tmp`)
  await writeFile(temp, JSON.stringify(d, null, 2) + '\n', {flag: 'wx'})
  try {
    await link(temp, target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}
