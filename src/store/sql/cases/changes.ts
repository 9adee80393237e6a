import type {Case} from '../../../domain/case.js'
import type {CaseFilter, CasePatch, ChangeOpts} from '../../cases.js'
import {ConflictError, NotFoundError} from '../../../errors.js'
import {type Param, placeholders} from '../executor.js'
import {CASE_FROM, json} from '../rows.js'
import {SqlCaseLookups} from './lookups.js'

/** Changes to stored cases: a patch with its audit event under the version guard, claims and their release. */
export class SqlCaseChanges extends SqlCaseLookups {
  async change(id: number, patch: CasePatch, opts: ChangeOpts): Promise<Case> {
    return this.db.transaction(async (tx) => {
      const repo = new SqlCaseLookups(tx)
      const current = await repo.get(id)
      if (!current) throw new NotFoundError(`no case ${id}`)
      if (opts.expectedVersion !== undefined && current.version !== opts.expectedVersion) {
        throw new ConflictError(
          `case ${id} was changed by someone else (version ${current.version}, you read ${opts.expectedVersion})`,
          {suggestion: `run board show ${id} and try again`},
        )
      }
      const before: Record<string, unknown> = {}
      const after: Record<string, unknown> = {}
      const sets: string[] = []
      const params: Param[] = []
      for (const [key, value] of Object.entries(patch) as [keyof CasePatch, unknown][]) {
        if (value === undefined) continue
        const column = PATCH_COLUMNS[key]
        const old = readPatchField(current, key)
        if (old === value) continue
        before[key] = old
        after[key] = value
        sets.push(`${column} = ?`)
        params.push(typeof value === 'boolean' ? (value ? 1 : 0) : (value as Param))
      }
      if (sets.length === 0 && !opts.note) return current
      if ('title' in after || 'body' in after) {
        const terms = tx.dialect.search.assignTerms(patch.title ?? current.title, patch.body ?? current.body)
        if (terms) sets.push(terms.sql), params.push(...terms.params)
      }
      // The version guard is also in the UPDATE, so a writer between our read and write still loses.
      const guard = await tx.run(`UPDATE cases SET ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ? AND version = ?`, [
        ...params,
        opts.now.toISOString(),
        id,
        current.version,
      ])
      if (guard.changes !== 1) throw new ConflictError(`case ${id} was changed by someone else`, {suggestion: `run board show ${id} and try again`})
      await tx.run('INSERT INTO events (case_id, actor, at, action, before, after) VALUES (?, ?, ?, ?, ?, ?)', [
        id, opts.actor, opts.now.toISOString(), opts.action, json(before), json(opts.note ? {...after, note: opts.note} : after),
      ])
      for (const st of tx.dialect.search.indexWritten([id])) await tx.run(st.sql, st.params)
      return (await repo.get(id))!
    })
  }

  async claim(filter: CaseFilter, opts: {worker: string; now: Date; leaseSeconds: number; limit: number}): Promise<Case[]> {
    const now = opts.now.toISOString()
    const until = new Date(opts.now.getTime() + opts.leaseSeconds * 1000).toISOString()
    return this.db.transaction(async (tx) => {
      const {where, params} = this.where(filter)
      const free = `(c.claimed_by IS NULL OR c.claim_expires_at < ? OR c.claimed_by = ?)`
      const lock = tx.dialect.supportsSkipLocked ? ' FOR UPDATE OF c SKIP LOCKED' : ''
      const rows = await tx.all<{id: number}>(
        `SELECT c.id FROM ${CASE_FROM} ${where ? where + ' AND' : 'WHERE'} ${free}
         ORDER BY CASE WHEN c.claimed_by = ? THEN 0 ELSE 1 END, c.posted_at, c.id LIMIT ?${lock}`,
        [...params, now, opts.worker, opts.worker, opts.limit],
      )
      const ids = rows.map((r) => Number(r.id))
      if (ids.length === 0) return []
      await tx.run(`UPDATE cases SET claimed_by = ?, claim_expires_at = ? WHERE id IN (${placeholders(ids.length)})`, [opts.worker, until, ...ids])
      const claimed = await new SqlCaseLookups(tx).list({ids})
      return ids.map((id) => claimed.find((c) => c.id === id)!)
    })
  }

  async release(id: number, worker: string): Promise<void> {
    await this.db.run('UPDATE cases SET claimed_by = NULL, claim_expires_at = NULL WHERE id = ? AND claimed_by = ?', [id, worker])
  }
}

const PATCH_COLUMNS: Record<keyof CasePatch, string> = {
  title: 'title', body: 'body', type: 'type', category: 'category', region: 'region', collective: 'collective',
  utility: 'utility', safety: 'safety', urgent: 'urgent', priority: 'priority', supervised: 'supervised', status: 'status',
  unitId: 'unit_id', handlerId: 'handler_id', respondDueAt: 'respond_due_at', resolveDueAt: 'resolve_due_at',
  respondedAt: 'responded_at', resolvedAt: 'resolved_at', mergedInto: 'merged_into',
}

function readPatchField(c: Case, key: keyof CasePatch): unknown {
  if (key === 'collective' || key === 'utility' || key === 'safety' || key === 'urgent') return c.flags[key]
  return c[key]
}
