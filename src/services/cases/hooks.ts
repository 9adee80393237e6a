import type {Case} from '../../domain/case.js'
import type {Store} from '../../store/store.js'

/**
 * Called by every service after it changes what a deadline depends on (triage, assign, transfer,
 * recategorise, wait/resume, reopen, reply sent, close). The SLA capability recomputes the case's
 * deadlines here, so callers need not know the SLA rules. startAt: the clock of a case joining a
 * collective incident starts with the incident's.
 */
export async function afterCaseChange(store: Store, c: Case, ctx: {action: string; actor: string; now: Date; startAt?: string}): Promise<void> {
  const {updateDeadlines} = await import('../sla/deadlines.js')
  await updateDeadlines(store, c, ctx)
}
