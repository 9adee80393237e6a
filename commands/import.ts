import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import {dirname, join} from 'node:path'

import {BoardCommand} from '../src/cli/base-command.js'
import {progressLine} from '../src/cli/progress.js'
import {UsageError} from '../src/errors.js'
import {normaliseEncoding} from '../src/import/parse/encoding.js'
import {loadMapFile} from '../src/import/check/fields.js'
import type {ImportCasesResult} from '../src/services/cases/import.js'
import {storeZone} from '../src/services/store-zone.js'
import {isPostgresUrl, openForDryRun} from '../src/store/open.js'
import type {Store} from '../src/store/store.js'

export type ImportCommandResult = ImportCasesResult

export default class Import extends BoardCommand<typeof Import> {
  static override summary = 'Import messages from CSV exports (UTF-8, BOM or GB18030) or Open311 JSON'
  static override description = `Recognises the message-board headers (留言编号, 留言用户, 留言主题, 留言时间, 留言详情, 一级标签, 答复意见, 答复时间, 点赞数, 反对数) and their English equivalents; --map names the columns of any other export.
Re-importing a file changes nothing; changed rows update their case with an audit event. Bad rows are reported with file and line and written to a rejects CSV; the exit code is 1 when any row was rejected.`
  static override strict = false
  static override args = {file: Args.string({description: 'CSV or JSON file(s); - for stdin', required: true})}
  static override examples = [
    {description: 'Import the bundled sample', command: '<%= config.bin %> import data/sample/messages.csv --source sample'},
    {description: 'Import New York 311 data by a column map', command: '<%= config.bin %> import nyc_311.csv --map data/maps/nyc311.json --source nyc311'},
    {description: 'Import a GBK file from stdin, converted on the way', command: 'iconv -f gbk -t utf-8 export.csv | <%= config.bin %> import - --source 2024'},
  ]
  static override flags = {
    source: Flags.string({description: 'the id space of the files\' refs (留言编号)', default: 'default'}),
    tz: Flags.string({description: 'zone of local times in the file (default: the store zone, setting store.timezone)'}),
    encoding: Flags.string({description: 'utf8 or gb18030/gbk (default: detected)'}),
    map: Flags.string({description: 'JSON/YAML map file: {"fields": {field: column}, "timezone", "dateFormat"}'}),
    format: Flags.string({options: ['csv', 'open311'], default: 'csv', description: 'input format'}),
    rejects: Flags.string({description: 'CSV file for rejected rows (default: beside the store)'}),
    'dry-run': Flags.boolean({description: 'parse and validate without writing'}),
    'index-now': Flags.boolean({description: 'index the cases for search before returning (a large import leaves that to a process of its own)'}),
    'batch-size': Flags.integer({default: 2000, min: 1, max: 10000, hidden: true}),
  }

  async run(): Promise<ImportCommandResult> {
    const positional = this.positional
    if (positional.length === 0) throw new UsageError('no file given', 'pass one or more files, or - for stdin')
    let encoding
    try {
      encoding = this.flags.encoding ? normaliseEncoding(this.flags.encoding) : undefined
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const store = await this.store()
    // Local times in a file are the office's: the store's zone, not this machine's display zone.
    const {zone} = await storeZone(store)
    const tz = this.flags.tz ?? zone
    try {
      new Intl.DateTimeFormat('en', {timeZone: tz})
    } catch {
      throw new UsageError(`unknown time zone "${tz}"`, 'pass --tz with an IANA zone, e.g. --tz Asia/Shanghai')
    }
    const mapFile = this.flags.map ? await loadMapFile(this.flags.map) : undefined
    const actor = await this.actor()
    const progress = progressLine()
    // The pipeline (CSV parsers, GB18030 decoding) is loaded by the one command that runs it.
    const {importCases} = await import('../src/services/cases/import.js')
    const result = await importCases(store, {
      files: positional,
      source: this.flags.source,
      tz,
      format: this.flags.format as 'csv' | 'open311',
      encoding,
      mapFile,
      // A dry run writes nothing, not even the rejects file, unless --rejects asks for it.
      rejectsPath: this.flags.rejects ?? (this.flags['dry-run'] ? null : this.defaultRejectsPath()),
      dryRun: this.flags['dry-run'],
      actor,
      zone,
      batchSize: this.flags['batch-size'],
      now: () => this.now(),
      signal: this.abort.signal,
      indexNow: this.flags['index-now'],
      onReject: (r) => {
        progress.done()
        this.note(this.t('import.reject', {file: r.file, line: r.line, reason: r.reason}))
      },
      onProgress: (p) => progress.update(p.file, p.rows),
    })
    progress.done()
    for (const f of result.files) {
      if (f.note === 'empty') {
        this.note(this.t('import.empty', {file: f.file}))
        process.exitCode = 1
        continue
      }
      if (f.note === 'header-only') this.note(this.t('import.headerOnly', {file: f.file}))
      this.note(this.t(result.dryRun ? 'import.summaryDry' : 'import.summary', {...f, file: f.file, rate: f.rowsPerSecond}))
      if (f.read > 0 && f.inserted + f.updated === 0 && f.rejected === 0 && !result.dryRun) this.note(this.t('import.unchanged'))
    }
    if (result.dryRun) this.note(this.t('import.dryRun'))
    if (result.rejectsFile) this.note(this.t('import.rejects', {path: result.rejectsFile}))
    if (result.files.some((f) => f.rejected > 0 || f.note === 'empty')) process.exitCode = 1
    if (result.interrupted) process.exitCode = 130
    this.indexInBackground(this.storeLocation(), result.searchWaiting)
    return result
  }

  /**
   * A dry run writes nothing, not even the store: where there is none yet it plans against an
   * empty one in memory, and an older store is not migrated (openForDryRun).
   */
  protected override async store(): Promise<Store> {
    if (!this.flags['dry-run']) return super.store()
    this.dryRunStore ??= await openForDryRun(this.storeLocation(), {now: this.now()})
    return this.dryRunStore
  }

  private dryRunStore?: Store

  protected override async finally(error: Error | undefined): Promise<void> {
    await this.dryRunStore?.close()
    return super.finally(error)
  }

  private defaultRejectsPath(): string {
    const location = this.storeLocation()
    const dir = isPostgresUrl(location) ? join(this.config.dataDir, 'rejects') : join(dirname(location), 'rejects')
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    return join(dir, `import-${stamp}.csv`)
  }
}
