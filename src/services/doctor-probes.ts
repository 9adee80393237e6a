// Every capability's doctor probes; each module registers itself with registerProbe when loaded.
import './sla/doctor-probe.js'
import './sla/zone-probe.js'
import './reply-doctor.js'
import './triage-probe.js'
