import {core} from './001-core.js'
import {claims} from './002-claims.js'
import {triage} from './003-triage.js'
import {sla} from './004-sla.js'
import {replies} from './005-replies.js'
import {stats} from './006-stats.js'
import {postgresTeam} from './007-postgres-team.js'
import {dropPrefixIndexes} from './008-drop-prefix-indexes.js'
import {statsDurations} from './009-stats-durations.js'
import {deferredIndexes} from './010-deferred-indexes.js'
import {reopenedFlag} from './011-reopened-flag.js'
import {pinnedSearchPath} from './012-pinned-search-path.js'
import {appendOnlyAudit} from './013-append-only-audit.js'
import {settingsSecrets} from './014-settings-secrets.js'
import {slaCycle} from './015-sla-cycle.js'
import {importVersions} from './016-import-versions.js'
import {searchIndex} from './017-search-index.js'
import {unitChannelsAudit} from './018-unit-channels-audit.js'
import type {Migration} from './migration.js'

// Append only, in version order; a capability adds its own file. Versions are never reused or edited.
export const migrations: readonly Migration[] = [
  core,
  claims,
  triage,
  sla,
  replies,
  stats,
  postgresTeam,
  dropPrefixIndexes,
  statsDurations,
  deferredIndexes,
  reopenedFlag,
  pinnedSearchPath,
  appendOnlyAudit,
  settingsSecrets,
  slaCycle,
  importVersions,
  searchIndex,
  unitChannelsAudit,
]
