import {core} from './core.js'
import {security} from './security.js'
import type {Messages} from './messages.js'
import {notices} from './notices.js'
import {sla} from './sla.js'
import {terminal} from './terminal.js'
import {commands} from './commands.js'
import {cases} from './cases.js'
import {replies} from './replies.js'
import {admin} from './admin.js'
import {hints} from './hints.js'
import {headers} from './headers.js'
import {doctor} from './doctor.js'

// One catalogue a capability, merged here; a key is defined once (test/cli/catalogue.test.ts).
export const catalogues: readonly Messages[] = [core, security, sla, terminal, commands, notices, cases, replies, admin, hints, headers, doctor]
