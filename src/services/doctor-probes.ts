import {searchProbe} from './cases/search-probe.js'
import type {DoctorProbe} from './doctor-check.js'
import {replyProbe} from './replies/doctor-probe.js'
import {slaProbe} from './sla/doctor-probe.js'
import {zoneProbe} from './sla/zone-probe.js'
import {triageProbe} from './triage/doctor-probe.js'

/** Every capability's doctor probes, run in this order after the store and settings checks. */
export const PROBES: readonly DoctorProbe[] = [slaProbe, zoneProbe, replyProbe, triageProbe, searchProbe]
