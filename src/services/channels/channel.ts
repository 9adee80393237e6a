import type {ChannelName} from '../../domain/reply-channels.js'
import type {Deliver} from './delivery.js'

export type {Deliver, Delivery} from './delivery.js'

export async function channel(name: ChannelName): Promise<Deliver> {
  // Loaded on demand: nodemailer is not paid for by commands that never send mail.
  switch (name) {
    case 'webhook':
      return (await import('./webhook.js')).deliverWebhook
    case 'email':
      return (await import('./email.js')).deliverEmail
    case 'outbox':
      return (await import('./outbox.js')).deliverOutbox
  }
}
