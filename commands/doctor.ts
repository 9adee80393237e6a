import * as Flags from '@oclif/core/flags'

import {BoardCommand} from '../src/cli/base-command.js'
import {localise} from '../src/cli/localise.js'
import {renderTable} from '../src/cli/render.js'
import {type DoctorCheck, runDoctor} from '../src/services/doctor.js'

export interface DoctorResult {
  ok: boolean
  checks: DoctorCheck[]
}

export default class Doctor extends BoardCommand<typeof Doctor> {
  static override summary = 'Check the store, the settings and the capabilities that depend on them'
  static override readOnly = true
  static override description = 'Exit code 1 when any check fails (3 with --fail-if-any is not needed: failures already exit 1).'
  static override examples = [
    {description: 'Check everything', command: '<%= config.bin %> doctor'},
    {description: 'The same, as JSON', command: '<%= config.bin %> doctor --json'},
  ]
  static override flags = {quiet: Flags.boolean({description: 'print only failing checks'})}

  async run(): Promise<DoctorResult> {
    const checks = await runDoctor(await this.store(), this.now(), {displayZone: this.tz})
    const failing = checks.filter((c) => !c.ok && !c.warning)
    const shown = this.flags.quiet ? checks.filter((c) => !c.ok) : checks
    if (shown.length > 0) {
      this.out(
        renderTable(
          shown,
          [
            {header: '', value: (c) => (c.ok ? 'ok' : c.warning ? 'warn' : 'FAIL')},
            {header: this.t('head.area'), value: (c) => localise(this.lang, c.area)},
            {header: this.t('head.check'), value: (c) => localise(this.lang, c.name)},
            {header: this.t('head.detail'), value: (c) => localise(this.lang, c.detail), max: 70},
            {header: this.t('head.fix'), value: (c) => localise(this.lang, c.fix ?? '')},
          ],
          {tty: this.tty, color: this.color},
        ),
      )
    }
    const warnings = checks.filter((c) => !c.ok && c.warning).length
    this.note(failing.length > 0 ? this.t('doctor.failed', {n: failing.length}) : warnings > 0 ? this.t('doctor.warnings', {n: warnings}) : this.t('doctor.ok'))
    if (failing.length > 0) process.exitCode = 1
    return {ok: failing.length === 0, checks}
  }
}
