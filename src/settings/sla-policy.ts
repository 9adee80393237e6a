import {DEFAULT_POLICY} from '../domain/sla/policy.js'
import {validatePolicy} from '../domain/sla/validate-policy.js'
import {registerSetting} from './registry.js'

registerSetting({
  key: 'sla.policy',
  description: 'SLA rules: ordered matches (category, type, flags, unit, region, keywords) → respond/resolve targets, transfer behaviour, reminders',
  validate: validatePolicy,
  defaultValue: () => DEFAULT_POLICY,
})
