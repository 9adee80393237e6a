import {validateZone} from '../domain/sla/zone.js'
import {registerSetting} from './registry.js'

export const DEFAULT_STORE_ZONE = 'Asia/Shanghai'

registerSetting({
  key: 'store.timezone',
  description: "the store's zone (IANA, e.g. Asia/Shanghai): every deadline, working day, period bucket and reminder is counted in it; BOARD_TZ and the config file only change how times are shown",
  validate: validateZone,
  defaultValue: () => DEFAULT_STORE_ZONE,
})
