import {buildCalendar, type HolidayYear, type WorkingCalendar} from '../../domain/sla/calendar.js'
import {DEFAULT_CHANNELS, type ChannelSettings} from '../../domain/sla/channels.js'
import {DEFAULT_POLICY, policyHours, type SlaPolicy} from '../../domain/sla/policy.js'
import type {Store} from '../../store/store.js'
import {storeZone} from '../store-zone.js'
import {bundledHolidayYears} from './bundled-calendar.js'

export interface SlaContext {
  policy: SlaPolicy
  /** Working days and hours in the store's zone (calendar.tz). */
  calendar: WorkingCalendar
  channels: ChannelSettings
  /** Whether the zone is the store's own setting (else the default). */
  zoneStored: boolean
}

/** Policy, calendar (bundled years, overridden by years imported into the store, in the store's zone) and channels. */
export async function loadSlaContext(store: Store): Promise<SlaContext> {
  const policy = (await store.settings.get<SlaPolicy>('sla.policy')) ?? DEFAULT_POLICY
  const channels = (await store.settings.get<ChannelSettings>('notify.channels')) ?? DEFAULT_CHANNELS
  const {zone, stored} = await storeZone(store)
  const years = new Map<number, HolidayYear>()
  for (const y of bundledHolidayYears()) years.set(y.year, y)
  for (const y of await store.sla.calendarYears()) years.set(y.year, y)
  return {policy, channels, zoneStored: stored, calendar: buildCalendar([...years.values()], {tz: zone, hours: policyHours(policy)})}
}
