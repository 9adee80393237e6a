import {DEFAULT_CHANNELS, validateChannels} from '../domain/sla/channels.js'
import {registerSetting} from './registry.js'

registerSetting({
  key: 'notify.channels',
  secret: true,
  description: 'Reminder channels per unit code ("*" for the rest): webhook (generic, wecom, dingtalk, feishu) and email, with smtp',
  validate: validateChannels,
  defaultValue: () => DEFAULT_CHANNELS,
})
