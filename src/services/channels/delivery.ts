import type {ChannelConfig} from '../../domain/reply-channels.js'

/** What a channel publishes: the reply, which case it answers, and the key that makes a retry harmless. */
export interface Delivery {
  idempotencyKey: string
  caseId: number
  source: string
  ref: string
  title: string
  body: string
  unit: string | null
  to: string | null
  sentAt: string
}

/** Resolves when the channel has the reply (or already had it under this key); throws otherwise. */
export type Deliver = (d: Delivery, config: ChannelConfig) => Promise<void>
