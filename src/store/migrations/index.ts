import {core} from './001-core.js'
import {claims} from './002-claims.js'
import {postgresTeam} from './007-postgres-team.js'
import type {Migration} from './migration.js'

// Append only; a capability adds its own file. Versions are never reused or edited.
export const migrations: readonly Migration[] = [core, claims, postgresTeam]
