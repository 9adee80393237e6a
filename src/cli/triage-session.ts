import {CASE_STATUS_ZH, CASE_TYPE_ZH, CASE_TYPES, type Case, type CaseType} from '../domain/case.js'
import type {Suggestion} from '../domain/suggest.js'
import {route} from '../domain/routing.js'
import {URGENCY_FLAGS} from '../domain/triage-keywords.js'
import {ConflictError} from '../errors.js'
import {acceptSuggestion, applyTriage, type TriageDecision} from '../services/triage/apply.js'
import {incidentStart} from '../services/triage/incident-lookup.js'
import {loadTriageContext} from '../services/triage/context.js'
import {mergeInto, nextForClerk, rejectCase, suggestionsFor} from '../services/triage/queue.js'
import type {Store} from '../store/store.js'
import {type Lang, translate} from '../i18n/translate.js'
import {isPromptExit, loadPrompts} from './prompts.js'
import {localiseReason, renderCard} from './triage-card.js'


/**
 * The clerk's loop: lease the next new message, show it with suggestions, save the decision at
 * once. Ctrl-C leaves the lease in place, so the same message comes back first next time.
 */
export async function triageSession(store: Store, opts: {actor: string; now: () => Date; lang: Lang; tz: string}): Promise<{interactive: true; decided: number}> {
  const p = await loadPrompts()
  const io = {output: process.stderr}
  const t = (k: string, v?: Record<string, string | number>) => translate(opts.lang, k, v)
  const ctx = await loadTriageContext(store)
  const units = await store.units.list()
  const skipped = new Set<number>()
  let decided = 0
  const who = {actor: opts.actor}

  const pickHandler = async (unitId: number | null | undefined): Promise<number | null> => {
    if (!unitId) return null
    const handlers = await store.handlers.list({unitId, onDuty: true})
    if (handlers.length === 0) return null
    const load = await store.handlers.openLoad(unitId)
    return p.select({message: t('tri.handler'), choices: [{name: t('tri.none'), value: null}, ...handlers.map((h) => ({name: `${h.name} (${h.code}) · ${load.get(h.id) ?? 0}${h.capacity === null ? '' : '/' + h.capacity}`, value: h.id as number | null}))]}, io)
  }

  const correct = async (c: Case, s: Suggestion): Promise<TriageDecision> => {
    const categories = [...new Set([s.category?.value, ...ctx.categories].filter((x): x is string => Boolean(x)))]
    const category = categories.length
      ? await p.select({message: t('col.category'), default: s.category?.value, choices: categories.map((x) => ({name: x, value: x}))}, io)
      : await p.input({message: t('col.category'), default: c.category ?? ''}, io)
    const typeName = (x: CaseType) => (opts.lang === 'zh' ? `${CASE_TYPE_ZH[x]} (${x})` : `${x} (${CASE_TYPE_ZH[x]})`)
    const type = await p.select({message: t('col.type'), default: s.type.value, choices: CASE_TYPES.map((x) => ({name: typeName(x), value: x}))}, io)
    const on = await p.checkbox({message: t('tri.urgency'), choices: URGENCY_FLAGS.map((f) => ({name: t(`tri.flag.${f}`), value: f, checked: s.flags[f].value || c.flags[f]}))}, io)
    // The unit the corrected category routes to, not the one the old category did.
    const routed = route({title: c.title, body: c.body, category, region: c.region}, ctx.rules)
    const suggested = units.find((u) => u.code === (routed?.unit ?? (category === s.category?.value ? s.unit?.value : undefined)))
    const unitId = await p.search<number | null>({
      message: t('tri.unitSearch'),
      source: (term) => {
        const hits = units.filter((u) => !term || u.code.includes(term) || u.name.includes(term))
        const ordered = suggested && !term ? [suggested, ...hits.filter((u) => u !== suggested)] : hits
        const none = {name: t('tri.none'), value: null as number | null}
        const shown = ordered.slice(0, 30).map((u) => ({name: `${u.name} (${u.code})`, value: u.id as number | null}))
        // The routed unit comes first, so Enter takes it; (none) is never the default over it.
        return suggested && !term ? [shown[0], none, ...shown.slice(1)] : [none, ...shown]
      },
    }, io)
    return {category, type, flags: Object.fromEntries(URGENCY_FLAGS.map((f) => [f, on.includes(f)])), unitId, handlerId: await pickHandler(unitId)}
  }

  for (;;) {
    const c = await nextForClerk(store, {worker: opts.actor, now: opts.now(), skipped})
    if (!c) {
      process.stderr.write(t('tri.empty') + '\n')
      break
    }
    const s = await suggestionsFor(store, c, ctx)
    const remaining = await store.cases.count({status: ['new']})
    process.stderr.write(renderCard(c, s, {lang: opts.lang, tz: opts.tz, now: opts.now(), width: process.stderr.columns ?? 80, remaining}) + '\n')
    const choices = [
      {name: t('tri.accept'), value: 'accept'},
      {name: t('tri.acceptHandler'), value: 'accept-handler'},
      {name: t('tri.correct'), value: 'correct'},
      ...(s.duplicates.length ? [{name: t('tri.merge'), value: 'merge'}] : []),
      {name: t('tri.reject'), value: 'reject'},
      {name: t('tri.skip'), value: 'skip'},
      {name: t('tri.quit'), value: 'quit'},
    ]
    const action = await p.select({message: t('tri.action'), choices}, io)
    if (action === 'quit' || action === 'skip') {
      await store.cases.release(c.id, opts.actor)
      if (action === 'quit') break
      skipped.add(c.id)
      continue
    }
    let stopped = false
    try {
      let saved: Case
      const at = {...who, now: opts.now()}
      if (action === 'merge') {
        const into = await p.select({message: t('tri.merge'), choices: s.duplicates.map((d) => ({name: `#${d.id}  ${d.reasons.map((r) => localiseReason(r, opts.lang)).join('; ')}`, value: d.id}))}, io)
        saved = await mergeInto(store, c, into, at)
      } else if (action === 'reject') {
        saved = await rejectCase(store, c, await p.input({message: t('tri.reason'), default: 'spam'}, io), at)
      } else {
        const d = action === 'correct' ? await correct(c, s) : acceptSuggestion(s, ctx.unitIds)
        if (action === 'accept-handler') d.handlerId = await pickHandler(d.unitId ?? c.unitId)
        // Kept collective for an incident: the message shares the incident's clock.
        const joins = s.incident && d.flags?.collective ? s.incident : null
        saved = await applyTriage(store, c, d, {...at, startAt: await incidentStart(store, joins), note: {accepted: action !== 'correct', confidence: s.confidence, ...(joins ? {incident: joins.ids} : {})}})
      }
      decided++
      process.stderr.write(t('tri.saved', {id: saved.id, status: opts.lang === 'zh' ? CASE_STATUS_ZH[saved.status] : saved.status}) + '\n')
    } catch (error) {
      // Ctrl-C in a sub-prompt (correcting, a handler, a merge, a reason) keeps the lease, as on the
      // card itself: the message comes back to this clerk first.
      stopped = isPromptExit(error)
      if (!(error instanceof ConflictError)) throw error
      process.stderr.write(t('tri.conflict', {id: c.id}) + '\n')
    } finally {
      if (!stopped) await store.cases.release(c.id, opts.actor)
    }
  }
  process.stderr.write(t('tri.done', {n: decided}) + '\n')
  return {interactive: true, decided}
}
