// Which deadlines are breached (or about to be) as of a moment; pure, for `board overdue`.

/** Statuses in which a deadline runs ('waiting' is paused; replied and closed are answered). */
export const RUNNING_STATUSES = ['new', 'triaged', 'assigned', 'reopened'] as const

export interface DeadlineRow {
  caseId: number
  title: string
  unit: string | null
  unitCode: string | null
  handler: string | null
  stage: 'respond' | 'resolve'
  dueAt: string
}

export interface OverdueItem extends DeadlineRow {
  /** Positive: late by this long; negative: due in this long (with --within). */
  lateMs: number
}

export interface OverdueGroup {
  unit: string | null
  items: OverdueItem[]
}

/** Late first, grouped by unit; groups ordered by their latest case. */
export function groupOverdue(rows: DeadlineRow[], at: Date): OverdueGroup[] {
  const items = rows.map((r) => ({...r, lateMs: at.getTime() - Date.parse(r.dueAt)})).sort((a, b) => b.lateMs - a.lateMs || a.caseId - b.caseId)
  const groups = new Map<string | null, OverdueItem[]>()
  for (const i of items) {
    const g = groups.get(i.unit) ?? []
    g.push(i)
    groups.set(i.unit, g)
  }
  return [...groups.entries()].map(([unit, list]) => ({unit, items: list}))
}

/** "2h", "1d", "30m", "1.5h" → milliseconds. */
export function parseSpan(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d)$/.exec(text.trim().toLowerCase())
  if (!m) return undefined
  return Number(m[1]) * {m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000}[m[2] as 'm']
}

/** "3d 4h", "2h 5m", "-1h 10m" for due-in. */
export function formatSpan(ms: number): string {
  const sign = ms < 0 ? '-' : ''
  let m = Math.round(Math.abs(ms) / 60_000)
  const d = Math.floor(m / 1440)
  m -= d * 1440
  const h = Math.floor(m / 60)
  m -= h * 60
  const parts = d > 0 ? [`${d}d`, `${h}h`] : h > 0 ? [`${h}h`, `${m}m`] : [`${m}m`]
  return sign + parts.join(' ')
}
