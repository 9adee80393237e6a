import {DEFAULT_INCIDENTS, validateIncidents} from '../domain/incidents.js'
import {registerSetting} from './registry.js'

registerSetting({
  key: 'triage.incidents',
  description: 'collective incident detection: windowMinutes, minCitizens (different citizens), minSimilarity (0–1) of messages in one place',
  validate: validateIncidents,
  defaultValue: () => DEFAULT_INCIDENTS,
})
