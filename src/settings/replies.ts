import {DEFAULT_RULES, validatePolicy} from '../domain/reply-policy.js'
import {validateChannels} from '../domain/reply-channels.js'
import {registerSetting} from './registry.js'

registerSetting({
  key: 'reply.policy',
  description: 'reply rules: requireApproval (four eyes), check warn|block, minLength, minOverlap; per unit code under units',
  validate: validatePolicy,
  defaultValue: () => ({...DEFAULT_RULES, units: {}}),
})

registerSetting({
  key: 'reply.channels',
  secret: true,
  description: 'how replies are delivered: order (email, webhook, outbox), webhook {url, token}, email {host, port, from}, outbox {dir}',
  validate: validateChannels,
  defaultValue: () => ({order: ['email', 'webhook', 'outbox']}),
})
