import type {DurationAggregate, StatsAggregate, StatsDimension, StatsFilter, StatsQuery, StatsRepository, TopicCandidate} from '../../stats.js'
import type {Param, Row} from '../executor.js'
import {SqlStatsDurations} from './durations.js'
import {FACTS, MEASURES} from './groups.js'
import {type Dimension, periodDimension} from './periods.js'

// One pass over cases for every metric, so a store of millions of cases is read once: a GROUP BY
// with the database's own percentile_cont (dialect.percentile), or where the database has no
// hash aggregation, board's aggregate function (dialect.statsGroupsFunction).

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v))
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

// Reopened: reopened now, set to reopened by an update before (the flag migration 11 keeps), or
// rated unsatisfied (which reopens a case by the platform's rules). Each part reads an index.
const REOPENED_IDS = `SELECT id FROM cases WHERE reopened = 1 UNION SELECT id FROM cases WHERE status = 'reopened'
  UNION SELECT case_id FROM ratings WHERE satisfied = 0`

// The latest rating of each rated case.
const LAST_RATING = `(SELECT r.case_id, r.satisfied FROM ratings r
  WHERE r.id IN (SELECT max(id) FROM ratings GROUP BY case_id))`

/** The statistics repository: the aggregates here, over periods (periods.ts); the stored durations (durations.ts). */
export class SqlStats extends SqlStatsDurations implements StatsRepository {
  /** The SQL (and its parameters) for one --by dimension. */
  private async dimension(d: StatsDimension, q: StatsQuery): Promise<Dimension> {
    switch (d) {
      case 'year':
      case 'quarter':
      case 'month':
        return periodDimension(this.db, d, q.tz)
      case 'unit':
        return {sql: 'u.name', params: []}
      case 'handler':
        return {sql: 'h.name', params: []}
      default:
        return {sql: `c.${d}`, params: []}
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

  private async parts(q: StatsQuery) {
    const dims = await Promise.all(q.by.map((dim) => this.dimension(dim, q)))
    const joins =
      (q.by.includes('unit') || q.filter.unit ? ' LEFT JOIN units u ON u.id = c.unit_id' : '') +
      (q.by.includes('handler') ? ' LEFT JOIN handlers h ON h.id = c.handler_id' : '')
    const ordinals = dims.map((_, i) => i + 1).join(', ')
    const groupBy = dims.length > 0 ? `GROUP BY ${ordinals}` : ''
    const starts = dims[0]?.starts ?? []
    return {
      select: dims.map((k, i) => `${k.sql} AS k${i}, `).join(''),
      selectParams: dims.flatMap((k) => k.params),
      // Periods by number, for a function that is handed a key a case: a number costs it less than text.
      numbered: {args: dims.map((k) => `, ${(k.numbered ?? k).sql}`).join(''), params: dims.flatMap((k) => (k.numbered ?? k).params), labels: dims.map((k) => k.numbered?.labels)},
      joins, groupBy, ordinals, ...this.where(q.filter),
      // Groups led by a period never span two periods: the periods' halves are separate work.
      split: starts.length >= 2 ? new Date(starts[starts.length >> 1]).toISOString() : null,
    }
  }

  async aggregate(q: StatsQuery): Promise<StatsAggregate[]> {
    const d = this.db.dialect
    const p = await this.parts(q)
    const duration = (name: string, expr: string) =>
      `count(${expr}) AS ${name}_n, avg(${expr}) AS ${name}_mean, ${d.percentile(expr, 0.5)} AS ${name}_median, ${d.percentile(expr, 0.9)} AS ${name}_p90`
    const keys = q.by.map((_, i) => `k${i}, `).join('')
    // Handling times are stored on each case (migration 9) and read from the covering index; a
    // calendar-day figure not yet stored is worked out from the instants, so it is never missing.
    const days = (stored: string, at: string) => `COALESCE(c.${stored}, CASE WHEN c.${at} IS NOT NULL THEN ${d.daysBetween('c.posted_at', `c.${at}`)} END)`
    // The GROUP BY sorts every row with what the aggregates need of it (and the function is handed
    // it): the yes/no facts travel as the bits of one small integer rather than as the four
    // timestamps they come from, in the order of FACTS (two of them compare with now: a parameter each).
    const conditions: Record<(typeof FACTS)[number], string> = {
      replied: 'c.responded_at IS NOT NULL',
      resolved: 'c.resolved_at IS NOT NULL',
      suggestions: "c.type = 'suggestion'",
      respond_due: 'c.respond_due_at IS NOT NULL AND (c.responded_at IS NOT NULL OR c.respond_due_at < ?)',
      respond_on_time: 'c.responded_at <= c.respond_due_at',
      resolve_due: 'c.resolve_due_at IS NOT NULL AND (c.resolved_at IS NOT NULL OR c.resolve_due_at < ?)',
      resolve_on_time: 'c.resolved_at <= c.resolve_due_at',
    }
    const facts = FACTS.map((name, n) => `CASE WHEN ${conditions[name]} THEN ${1 << n} ELSE 0 END`).join(' + ')
    const counts = FACTS.map((name, n) => `sum((f / ${1 << n}) % 2) AS ${name}`).join(', ')
    // The handling times, in the order of MEASURES.
    const measures: Record<(typeof MEASURES)[number], string> = {
      respond: days('respond_days', 'responded_at'),
      resolve: days('resolve_days', 'resolved_at'),
      respond_w: 'c.respond_wdays',
      resolve_w: 'c.resolve_wdays',
    }
    // Where the backend has no hash aggregation, one function call a case does the GROUP BY's
    // work (groups.ts); its rows have the columns and order of the GROUP BY's.
    const grouped = d.statsGroupsFunction
    const mainQuery = (where: string, params: Param[]) =>
      grouped
        ? {
            sql: `SELECT ${grouped}(${facts}, ${MEASURES.map((m) => measures[m]).join(', ')}${p.numbered.args}) AS groups FROM cases c${p.joins} ${where}`,
            params: [q.now, q.now, ...p.numbered.params, ...params],
          }
        : {
            sql: `SELECT ${keys} count(*) AS n, ${counts}, ${MEASURES.map((m, i) => duration(m, `m${i}`)).join(', ')}
      FROM (SELECT ${p.select} ${facts} AS f, ${MEASURES.map((m, i) => `${measures[m]} AS m${i}`).join(', ')}
            FROM cases c${p.joins} ${where} ${d.subqueryFence}) t
      ${p.groupBy}${p.ordinals ? ' ORDER BY ' + p.ordinals : ''}`,
            params: [...p.selectParams, q.now, q.now, ...params],
          }
    const labelled = (rows: Row[]): Row[] => {
      if (!grouped) return rows
      const out = JSON.parse(String(rows[0].groups)) as Row[]
      p.numbered.labels.forEach((labels, i) => labels && out.forEach((r) => (r[`k${i}`] = labels[Number(r[`k${i}`])])))
      return out
    }
    const and = (extra: string) => (p.where ? `${p.where} AND ${extra}` : `WHERE ${extra}`)
    // The pass over every case is most of the time: each half of the periods on a core of its
    // own, the earlier first so that the rows stay in order.
    const halves = p.split && [mainQuery(and('c.posted_at < ?'), [...p.params, p.split]), mainQuery(and('c.posted_at >= ?'), [...p.params, p.split])]
    const whole = mainQuery(p.where, p.params)
    const results = halves ? await this.db.allConcurrently(halves) : [await this.db.all(whole.sql, whole.params)]
    const main = results.flatMap(labelled)
    // Ratings and reopenings concern few cases: counted by separate queries driven from those
    // tables, so the scan over every case stays a plain one (joining them there doubled its time).
    const rated = await this.db.all(
      `SELECT ${p.select} count(*) AS rated, sum(rt.satisfied) AS satisfied
       FROM ${LAST_RATING} rt JOIN cases c ON c.id = rt.case_id${p.joins} ${p.where} ${p.groupBy}`,
      [...p.selectParams, ...p.params],
    )
    const reopened = await this.db.all(
      `SELECT ${p.select} count(*) AS reopened FROM cases c${p.joins} ${and(`c.id IN (${REOPENED_IDS})`)} ${p.groupBy}`,
      [...p.selectParams, ...p.params],
    )
    const tuple = (r: Row) => JSON.stringify(q.by.map((_, i) => r[`k${i}`] ?? null))
    const side = new Map<string, Row>()
    for (const r of [...rated, ...reopened]) side.set(tuple(r), {...side.get(tuple(r)), ...r})
    // Without --by an empty store still has one (all-zero) group from the database; drop it.
    return main.filter((r) => num(r.n) > 0).map((r) => this.toAggregate({...r, ...this.sideOnly(side.get(tuple(r)))}, q.by))
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
      respondWorkingDays: duration('respond_w'),
      resolveWorkingDays: duration('resolve_w'),
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
