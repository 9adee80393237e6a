import type {Store} from '../store/store.js'

export interface DoctorCheck {
  area: string
  name: string
  ok: boolean
  detail: string
  fix?: string
  /** Not ok, but nothing can be done yet (say, next year's holiday notice is not out): shown, not failed. */
  warning?: boolean
}

/** displayZone: the zone this user's times are shown in (BOARD_TZ, the config file). */
export type DoctorProbe = (ctx: {store: Store; now: Date; displayZone?: string}) => Promise<DoctorCheck[]>
