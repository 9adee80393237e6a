// Importing this module registers every capability's settings.
import './sla-policy.js'
import './notify-channels.js'
import './replies.js'
import './triage-settings.js'
import './store-zone.js'
import './notify-delivery.js'
import './incident-settings.js'

export {findSpec, registerSetting, settingSpecs, type SettingSpec} from './registry.js'
