import {DEFAULT_STORE_ZONE} from '../settings/store-zone.js'
import type {Store} from '../store/store.js'

export {DEFAULT_STORE_ZONE}

declare const read: unique symbol
/**
 * A zone read from the store by storeZone. Where this is asked for (every deadline), a clerk's
 * display zone (BOARD_TZ, the config file: a plain string) does not fit.
 */
export type StoreZone = string & {readonly [read]: true}

/**
 * The zone a store counts in (setting store.timezone): deadlines, working days, year and month
 * buckets, reminders. It is one per store so that every clerk of a shared store agrees; a clerk's
 * BOARD_TZ or config file only changes how times are displayed. Unset, it is the zone board always
 * counted deadlines in.
 */
export async function storeZone(store: Store): Promise<{zone: StoreZone; stored: boolean}> {
  const v = await store.settings.get<string>('store.timezone')
  return typeof v === 'string' && v !== '' ? {zone: v as StoreZone, stored: true} : {zone: DEFAULT_STORE_ZONE as StoreZone, stored: false}
}
