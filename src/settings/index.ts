// Importing this module registers every capability's settings.
export {findSpec, registerSetting, settingSpecs, type SettingSpec} from './registry.js'
import './triage-settings.js'
