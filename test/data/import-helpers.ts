import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {importFiles, type ImportOptions, type ImportResult} from '../../src/import/import-service.js'
import {exportCases, type ExportOptions} from '../../src/services/cases/export.js'
import type {Store} from '../../src/store/store.js'

export const SAMPLE = join(import.meta.dirname, '..', '..', 'data', 'sample')
export const FIXTURES = join(import.meta.dirname, 'fixtures')
export const NOW = new Date('2024-03-01T08:00:00Z')

/** A scratch directory for files a test writes. */
export function scratch(): {dir: string; file(name: string, content?: string | Buffer): string} {
  const dir = mkdtempSync(join(tmpdir(), 'board-data-'))
  return {
    dir,
    file(name, content) {
      const path = join(dir, name)
      if (content !== undefined) writeFileSync(path, content)
      return path
    },
  }
}

/** importFiles in-process, as `board import` calls it. */
export function importInto(store: Store, files: string[], opts: Partial<ImportOptions> = {}): Promise<ImportResult> {
  return importFiles(store, {
    files,
    source: 'sample',
    tz: 'Asia/Shanghai',
    format: 'csv',
    rejectsPath: null,
    dryRun: false,
    actor: 'importer',
    now: () => NOW,
    ...opts,
  })
}

/** exportCases in-process, collected as one string. */
export async function exportText(store: Store, opts: Partial<ExportOptions> = {}): Promise<string> {
  let text = ''
  await exportCases(store, {
    format: 'open311',
    filter: {},
    redact: false,
    tz: 'Asia/Shanghai',
    actor: 'exporter',
    now: NOW,
    write: async (chunk) => void (text += chunk),
    ...opts,
  })
  return text
}
