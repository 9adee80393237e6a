import type {DurationAggregate, HandlingTimes, StatsAggregate, StatsDimension, StatsFilter, StatsQuery, StatsRepository, TopicCandidate} from '../stats.js'
import type {Executor, Param, Row} from './executor.js'

// One GROUP BY over cases for every metric, so a store of millions of cases is read once.
// Percentiles use the database's own percentile_cont (dialect.percentile).

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

// Reopened: the status now, an explicit reopen, a change that set status reopened (import events
// never do), or an unsatisfied rating (which reopens a case by the platform's rules).
const REOPENED_IDS = `SELECT id FROM cases WHERE status = 'reopened'
  UNION SELECT case_id FROM events WHERE case_id IS NOT NULL AND action NOT IN ('import.create', 'import.update')
    AND (action = 'reopen' OR after LIKE '%"status":"reopened"%')
  UNION SELECT case_id FROM ratings WHERE satisfied = 0`

// The latest rating of each rated case.
const LAST_RATING = `(SELECT r.case_id, r.satisfied FROM ratings r
  WHERE r.id IN (SELECT max(id) FROM ratings GROUP BY case_id))`

export class SqlStats implements StatsRepository {
  constructor(private readonly db: Executor) {}

  private dimension(d: StatsDimension, tz: string): string {
    switch (d) {
      case 'year':
      case 'quarter':
      case 'month':
        return this.db.dialect.datePart(d, 'c.posted_at', tz)
      case 'unit':
        return 'u.name'
      case 'handler':
        return 'h.name'
      default:
        return `c.${d}`
    }
  }

  private where(f: StatsFilter): {where: string; params: Param[]} {
    const clauses: string[] = []
    const params: Param[] = []
    if (f.since) clauses.push('c.posted_at >= ?'), params.push(f.since)
    if (f.until) clauses.push('c.posted_at < ?'), params.push(f.until)
    if (f.category) clauses.push('c.category = ?'), params.push(f.category)
    if (f.unit) clauses.push('(u.code = ? OR u.name = ?)'), params.push(f.unit, f.unit)
    return {where: clauses.length > 0 ? 'WHERE ' + clauses.join(' AND ') : '', params}
  }

  private parts(q: StatsQuery) {
    const keys = q.by.map((dim, i) => `${this.dimension(dim, q.tz)} AS k${i}`)
    const joins =
      (q.by.includes('unit') || q.filter.unit ? ' LEFT JOIN units u ON u.id = c.unit_id' : '') +
      (q.by.includes('handler') ? ' LEFT JOIN handlers h ON h.id = c.handler_id' : '')
    const ordinals = keys.map((_, i) => i + 1).join(', ')
    const groupBy = keys.length > 0 ? `GROUP BY ${ordinals}` : ''
    return {select: keys.map((k) => k + ', ').join(''), joins, groupBy, ordinals, ...this.where(q.filter)}
  }

  async aggregate(q: StatsQuery): Promise<StatsAggregate[]> {
    const d = this.db.dialect
    const p = this.parts(q)
    const duration = (name: string, expr: string) =>
      `count(${expr}) AS ${name}_n, avg(${expr}) AS ${name}_mean, ${d.percentile(expr, 0.5)} AS ${name}_median, ${d.percentile(expr, 0.9)} AS ${name}_p90`
    const keys = q.by.map((_, i) => `k${i}, `).join('')
    // Each timestamp is turned into a day number once per case, in the fenced subquery; the four
    // aggregates per stage then read plain numbers (half the time of computing them per aggregate).
    const main = await this.db.all(
      `SELECT ${keys}
      count(*) AS n,
      sum(CASE WHEN responded_at IS NOT NULL THEN 1 ELSE 0 END) AS replied,
      sum(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved,
      sum(CASE WHEN type = 'suggestion' THEN 1 ELSE 0 END) AS suggestions,
      ${duration('respond', '(jr - jp)')},
      ${duration('resolve', '(jv - jp)')},
      sum(CASE WHEN respond_due_at IS NOT NULL AND (responded_at IS NOT NULL OR respond_due_at < ?) THEN 1 ELSE 0 END) AS respond_due,
      sum(CASE WHEN responded_at <= respond_due_at THEN 1 ELSE 0 END) AS respond_on_time,
      sum(CASE WHEN resolve_due_at IS NOT NULL AND (resolved_at IS NOT NULL OR resolve_due_at < ?) THEN 1 ELSE 0 END) AS resolve_due,
      sum(CASE WHEN resolved_at <= resolve_due_at THEN 1 ELSE 0 END) AS resolve_on_time
      FROM (SELECT ${p.select} c.type, c.responded_at, c.resolved_at, c.respond_due_at, c.resolve_due_at,
              ${d.dayNumber('c.posted_at')} AS jp, ${d.dayNumber('c.responded_at')} AS jr, ${d.dayNumber('c.resolved_at')} AS jv
            FROM cases c${p.joins} ${p.where} ${d.subqueryFence}) t
      ${p.groupBy}${p.ordinals ? ' ORDER BY ' + p.ordinals : ''}`,
      [q.now, q.now, ...p.params],
    )
    // Ratings and reopenings concern few cases: counted by separate queries driven from those
    // tables, so the scan over every case stays a plain one (joining them there doubled its time).
    const where = (extra: string) => (p.where ? `${p.where} AND ${extra}` : `WHERE ${extra}`)
    const rated = await this.db.all(
      `SELECT ${p.select} count(*) AS rated, sum(rt.satisfied) AS satisfied
       FROM ${LAST_RATING} rt JOIN cases c ON c.id = rt.case_id${p.joins} ${p.where} ${p.groupBy}`,
      p.params,
    )
    const reopened = await this.db.all(
      `SELECT ${p.select} count(*) AS reopened FROM cases c${p.joins} ${where(`c.id IN (${REOPENED_IDS})`)} ${p.groupBy}`,
      p.params,
    )
    const tuple = (r: Row) => JSON.stringify(q.by.map((_, i) => r[`k${i}`] ?? null))
    const side = new Map<string, Row>()
    for (const r of [...rated, ...reopened]) side.set(tuple(r), {...side.get(tuple(r)), ...r})
    // Without --by an empty store still has one (all-zero) group from the database; drop it.
    return main.filter((r) => num(r.n) > 0).map((r) => this.toAggregate({...r, ...this.sideOnly(side.get(tuple(r)))}, q.by))
  }

  // Only the key and three instants per case (the calendar maths happens in the service); cases
  // with neither a reply nor a resolution contribute nothing and are not read.
  async handlingTimes(q: StatsQuery, visit: (c: HandlingTimes) => void): Promise<void> {
    const p = this.parts(q)
    const open = 'c.responded_at IS NOT NULL OR c.resolved_at IS NOT NULL'
    const where = p.where ? `${p.where} AND (${open}) AND c.id > ?` : `WHERE (${open}) AND c.id > ?`
    const ms = (v: unknown): number | null => (v === null || v === undefined ? null : Date.parse(String(v)))
    // Keyset pages by id: each page is one indexed range scan, and only a page is in memory.
    for (let after = 0; ; ) {
      const rows = await this.db.all(
        `SELECT ${p.select} c.id, c.posted_at, c.responded_at, c.resolved_at FROM cases c${p.joins} ${where} ORDER BY c.id LIMIT ${HANDLING_PAGE}`,
        [...p.params, after],
      )
      for (const r of rows) {
        const key: HandlingTimes['key'] = {}
        q.by.forEach((dim, i) => (key[dim] = r[`k${i}`] === null || r[`k${i}`] === undefined ? null : String(r[`k${i}`])))
        visit({key, postedAt: ms(r.posted_at)!, respondedAt: ms(r.responded_at), resolvedAt: ms(r.resolved_at)})
      }
      if (rows.length < HANDLING_PAGE) return
      after = Number(rows[rows.length - 1].id)
    }
  }

  private sideOnly(r: Row | undefined): Row {
    return {rated: r?.rated ?? 0, satisfied: r?.satisfied ?? 0, reopened: r?.reopened ?? 0}
  }

  private toAggregate(r: Row, by: StatsDimension[]): StatsAggregate {
    const key: StatsAggregate['key'] = {}
    by.forEach((dim, i) => (key[dim] = r[`k${i}`] === null || r[`k${i}`] === undefined ? null : String(r[`k${i}`])))
    const duration = (name: string): DurationAggregate => ({
      n: num(r[`${name}_n`]),
      mean: numOrNull(r[`${name}_mean`]),
      median: numOrNull(r[`${name}_median`]),
      p90: numOrNull(r[`${name}_p90`]),
    })
    return {
      key,
      count: num(r.n),
      replied: num(r.replied),
      resolved: num(r.resolved),
      suggestions: num(r.suggestions),
      rated: num(r.rated),
      satisfied: num(r.satisfied),
      reopened: num(r.reopened),
      respondDays: duration('respond'),
      resolveDays: duration('resolve'),
      respondDue: num(r.respond_due),
      respondOnTime: num(r.respond_on_time),
      resolveDue: num(r.resolve_due),
      resolveOnTime: num(r.resolve_on_time),
    }
  }

  async topTitles(filter: StatsFilter, limit: number): Promise<TopicCandidate[]> {
    const {where, params} = this.where(filter)
    const from = 'cases c' + (filter.unit ? ' LEFT JOIN units u ON u.id = c.unit_id' : '')
    const rows = await this.db.all(`SELECT c.id, c.title, c.likes FROM ${from} ${where} ORDER BY c.likes DESC, c.id LIMIT ?`, [...params, limit])
    return rows.map((r) => ({id: Number(r.id), title: String(r.title ?? ''), likes: num(r.likes)}))
  }
}

const HANDLING_PAGE = 50_000
