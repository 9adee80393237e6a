import {DEFAULT_KEYWORDS, validateKeywords} from '../domain/triage-keywords.js'
import {validateRules} from '../domain/routing.js'
import {registerSetting} from './registry.js'

registerSetting({
  key: 'triage.keywords',
  description: 'extra keywords for type (types.suggestion|complaint|inquiry|help) and urgency flags (flags.collective|utility|safety|urgent); merged into the defaults',
  validate: validateKeywords,
  defaultValue: () => DEFAULT_KEYWORDS,
})

registerSetting({
  key: 'routing.rules',
  description: 'routing rules: [{name?, category?, region?, keywords?, unit}]; the first rule that matches gives the unit',
  validate: validateRules,
  defaultValue: () => [],
})
