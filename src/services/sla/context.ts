import {buildCalendar, type HolidayYear, type WorkingCalendar} from '../../domain/sla/calendar.js'
import {DEFAULT_CHANNELS, type ChannelSettings} from '../../domain/sla/channels.js'
import {DEFAULT_POLICY, policyHours, type SlaPolicy} from '../../domain/sla/policy.js'
import type {Store} from '../../store/store.js'
import {bundledHolidayYears} from './bundled-calendar.js'

export interface SlaContext {
  policy: SlaPolicy
  calendar: WorkingCalendar
  channels: ChannelSettings
}

/** Policy, calendar (bundled years, overridden by years imported into the store) and channels. */
export async function loadSlaContext(store: Store, tz = 'Asia/Shanghai'): Promise<SlaContext> {
  const policy = (await store.settings.get<SlaPolicy>('sla.policy')) ?? DEFAULT_POLICY
  const channels = (await store.settings.get<ChannelSettings>('notify.channels')) ?? DEFAULT_CHANNELS
  const years = new Map<number, HolidayYear>()
  for (const y of bundledHolidayYears()) years.set(y.year, y)
  for (const y of await store.sla.calendarYears()) years.set(y.year, y)
  return {policy, channels, calendar: buildCalendar([...years.values()], {tz, hours: policyHours(policy)})}
}
