// What a reader yields: records and the issues met reading them. Its own file, so the readers
// and records.ts, which drives them, depend on it and not on each other.

export interface CsvRecord {
  /** Line of the file where the record starts (1-based, header is line 1). */
  line: number
  values: string[]
  /** The record's text, where the format keeps it cheaply (Open311 JSON); CSV re-encodes values on a reject. */
  raw?: string
}

export interface CsvIssue {
  line: number
  reason: string
  raw: string
}

export type CsvItem = {kind: 'record'; record: CsvRecord} | {kind: 'issue'; issue: CsvIssue}
