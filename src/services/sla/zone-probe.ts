import type {DoctorProbe} from '../doctor-check.js'
import {storeZone} from '../store-zone.js'

// The store's zone decides deadlines, working days, periods and reminders for every clerk. A store
// from before the setting existed keeps the zone its deadlines were always counted in; doctor says
// which zone is in use and where a clerk's own zone now only changes the display.
export const zoneProbe: DoctorProbe = async ({store, displayZone}) => {
  const {zone, stored} = await storeZone(store)
  const basis = await store.stats.durationBasis().catch(() => null)
  const statsZone = basis?.split(' ')[0] ?? null
  const display = displayZone && displayZone !== zone ? `; your times are shown in ${displayZone} (BOARD_TZ or the config file), which changes nothing else` : ''
  const origin = stored ? 'setting store.timezone' : 'default: store.timezone is not set, the zone deadlines were always counted in'
  const statsMoved = statsZone !== null && statsZone !== zone
  return [
    {
      area: 'sla',
      name: 'store zone',
      ok: !statsMoved,
      warning: statsMoved,
      detail: `deadlines, working days, periods and reminders in ${zone} (${origin})${display}` +
        (statsMoved ? `; statistics were last counted in ${statsZone} and will be counted again in ${zone}` : ''),
      fix: statsMoved ? `to keep ${statsZone}, set store.timezone: ${statsZone} (board config import), then board sla recompute` : undefined,
    },
  ]
}
