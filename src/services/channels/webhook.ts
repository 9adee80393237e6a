import type {ChannelConfig} from '../../domain/reply-channels.js'
import type {Delivery} from './delivery.js'

/**
 * POSTs the reply to the message board's API. The Idempotency-Key header lets the platform drop a
 * retry of a publication it already made (the response to the first try may have been lost);
 * 409 Conflict means exactly that, so it counts as delivered.
 */
export async function deliverWebhook(d: Delivery, config: ChannelConfig): Promise<void> {
  const hook = config.webhook!
  const headers: Record<string, string> = {'content-type': 'application/json', 'idempotency-key': d.idempotencyKey}
  // Named by the setting, kept out of it: settings are exported and shown.
  const token = hook.tokenEnv ? process.env[hook.tokenEnv] : hook.token
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(hook.url, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      idempotencyKey: d.idempotencyKey,
      case: {id: d.caseId, source: d.source, ref: d.ref, title: d.title},
      unit: d.unit,
      reply: d.body,
      sentAt: d.sentAt,
    }),
    signal: AbortSignal.timeout(hook.timeoutMs ?? 30_000),
  })
  await res.arrayBuffer().catch(() => undefined)
  if (res.ok || res.status === 409) return
  throw new Error(`webhook answered ${res.status} ${res.statusText}`)
}
