import {randomUUID} from 'node:crypto'

import type {Case} from '../../domain/case.js'
import {renderTemplate} from '../../domain/template.js'
import {ConflictError, UsageError, ValidationError} from '../../errors.js'
import type {BoardReply} from '../../store/replies.js'
import type {Store} from '../../store/store.js'
import {findCase} from '../cases/find.js'
import {unitChainIncludes} from './template-scope.js'
import {getTemplate} from './templates.js'

/** Where a draft's text comes from; exactly one. */
export type DraftSource = {kind: 'body'; text: string} | {kind: 'template'; name: string} | {kind: 'editor'; edit: (initial: string) => Promise<string>}

export interface DraftResult {
  caseId: number
  reply: BoardReply
  version: number
}

const CLOSED = new Set(['closed', 'merged', 'rejected'])

export async function draftReply(
  store: Store,
  key: string,
  source: DraftSource,
  opts: {actor: string; now: Date; tz: string},
): Promise<DraftResult> {
  const c = await findCase(store, key)
  if (CLOSED.has(c.status)) throw new ConflictError(`case ${c.id} is ${c.status}`, {suggestion: `board reopen ${c.id} --reason … first`})
  let body: string
  let template: string | null = null
  if (source.kind === 'body') body = source.text
  else if (source.kind === 'template') {
    const t = await getTemplate(store, source.name)
    if (t.unitId !== null && !(await unitChainIncludes(store, c.unitId, t.unitId))) {
      if (c.unit) throw new UsageError(`template ${t.name} is for unit ${t.unit}; case ${c.id} is with ${c.unit}`)
      throw new UsageError(`template ${t.name} is for unit ${t.unit}; case ${c.id} is not assigned to a unit`)
    }
    body = renderTemplate(t.body, templateContext(c, opts.now), opts.tz)
    template = t.name
  } else {
    const current = await store.replies.open(c.id)
    body = await source.edit(current?.body ?? '')
  }
  if (body.trim() === '') throw new ValidationError('the reply is empty; nothing was saved')
  const reply = await store.replies.saveDraft(c.id, {body, template, idempotencyKey: `board-${c.id}-${randomUUID()}`}, opts)
  const versions = await store.replies.versions(reply.id)
  return {caseId: c.id, reply, version: versions.length}
}

function templateContext(c: Case, now: Date) {
  return {
    citizen: c.author,
    case: {id: c.id, ref: c.ref, title: c.title, category: c.category},
    unit: c.unit,
    handler: c.handler,
    postedAt: c.postedAt,
    today: now,
  }
}
