// Importing this module registers every capability's settings.
import './sla-policy.js'
import './notify-channels.js'

export {findSpec, registerSetting, settingSpecs, type SettingSpec} from './registry.js'
import './replies.js'
