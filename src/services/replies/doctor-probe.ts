import {CHANNEL_NAMES, type ChannelConfig} from '../../domain/reply-channels.js'
import type {DoctorCheck, DoctorProbe} from '../doctor-check.js'

// What `board doctor` says about replies: whether waiting replies have a way out, and whether
// sends failed and wait for a retry. A fresh store with nothing to send passes.
export const replyProbe: DoctorProbe = async ({store}): Promise<DoctorCheck[]> => {
  const counts = await store.replies.countByStatus()
  const config = (await store.settings.get<ChannelConfig>('reply.channels')) ?? {}
  const configured = CHANNEL_NAMES.filter((n) => config[n])
  const waiting = (counts.approved ?? 0) + (counts.failed ?? 0)
  const failed = counts.failed ?? 0
  return [
    {
      area: 'replies',
      name: 'channels',
      ok: configured.length > 0 || waiting === 0,
      detail: configured.length > 0 ? configured.join(', ') : `none configured${waiting > 0 ? `; ${waiting} repl(ies) waiting to be sent` : ''}`,
      fix: configured.length > 0 || waiting === 0 ? undefined : 'add reply.channels (webhook, email or outbox) with board config import',
    },
    {
      area: 'replies',
      name: 'failed sends',
      ok: failed === 0,
      detail: failed === 0 ? 'none waiting for a retry' : `${failed} repl(ies) failed and wait for a retry`,
      fix: failed === 0 ? undefined : 'board reply send --approved --yes (board reply show ID shows each error)',
    },
  ]
}
