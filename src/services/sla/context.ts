import {buildCalendar, type HolidayYear, type WorkingCalendar} from '../../domain/sla/calendar.js'
import {DEFAULT_CHANNELS, type ChannelSettings} from '../../domain/sla/channels.js'
import {DEFAULT_POLICY, policyHours, type SlaPolicy} from '../../domain/sla/policy.js'
import type {Store} from '../../store/store.js'
import {type StoreZone, storeZone} from '../store-zone.js'
import {bundledHolidayYears} from './bundled-calendar.js'

export interface SlaContext {
  policy: SlaPolicy
  /** Working days and hours in the store's zone (calendar.tz). */
  calendar: WorkingCalendar
  channels: ChannelSettings
  /** The store's zone: the calendar's, typed as read from the store. */
  zone: StoreZone
}

/**
 * Policy, calendar (bundled years, overridden by years imported into the store, in the store's
 * zone) and channels. zone: the store's, when the caller has read it already.
 */
export async function loadSlaContext(store: Store, zone?: StoreZone): Promise<SlaContext> {
  const policy = (await store.settings.get<SlaPolicy>('sla.policy')) ?? DEFAULT_POLICY
  const channels = (await store.settings.get<ChannelSettings>('notify.channels')) ?? DEFAULT_CHANNELS
  const tz = zone ?? (await storeZone(store)).zone
  const years = new Map<number, HolidayYear>()
  for (const y of bundledHolidayYears()) years.set(y.year, y)
  for (const y of await store.sla.calendarYears()) years.set(y.year, y)
  return {policy, channels, zone: tz, calendar: buildCalendar([...years.values()], {tz, hours: policyHours(policy)})}
}
