import { todayInVietnam } from '../../../../contracts/common';
import type { DossierListQuery, DossierState, DossierSummary } from '../../../../contracts/dossiers';
import type { AccessContext } from '../../identity';
import { loadWorkingCalendar } from '../../calendar';
import { listProcedures } from '../../procedures';
import { resumeDeadline } from '../deadline';
import * as errors from '../dossiers.errors';
import { handledRolesOnly, mayReadUnit, mayUseWorkqueue, readableUnits, stepGrants } from '../dossiers.policy';
import { presentSummary } from '../dossiers.presenter';
import * as repo from '../dossiers.repository';
import { clock, type DossierDeps } from './deps';
import { presentContext } from './presenting';

const QUEUE_STATES: Record<string, readonly DossierState[]> = {
  new: ['submitted'],
  waiting_citizen: ['supplement_requested'],
  due_soon: ['received', 'in_processing'],
  overdue: ['received', 'in_processing'],
  mine: ['received', 'in_processing', 'supplement_requested', 'approved', 'refused', 'result_issued'],
};

/** A staff workqueue of the caller's units: new filings oldest first (who waited longest), the others by due time. */
export async function listWorkqueue(
  deps: DossierDeps,
  access: AccessContext,
  q: DossierListQuery,
): Promise<{ items: DossierSummary[]; total: number; page: number; pageSize: number }> {
  if (!mayUseWorkqueue(access)) throw errors.workqueueForbidden();
  const steps = stepGrants(access);
  const stepUnit = (u: string) => steps.some((g) => g.units === null || g.units.includes(u));
  if (q.unitCode && !mayReadUnit(access, q.unitCode) && !stepUnit(q.unitCode))
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const now = clock(deps);
  const cal = await loadWorkingCalendar(deps.db);
  const filter: repo.ListFilter = {
    unitCodes: readableUnits(access),
    stepGrants: steps,
    state: q.state,
    procedureCode: q.procedureCode,
    unitCode: q.unitCode,
    codePrefix: q.code,
    excludeDrafts: true,
  };
  const roles = handledRolesOnly(access);
  if (roles) {
    const handled = (await listProcedures(deps.db, { asOf: todayInVietnam(now) })).items
      .filter((p) => roles.includes(p.handledByRole))
      .map((p) => p.code);
    // Interlinked groups: each agency sees the dossiers while its step runs (and the handling role the rest of the time).
    filter.handledBy = { procedureCodes: handled, roles };
  }
  if (q.queue !== 'all') filter.states = QUEUE_STATES[q.queue];
  // An interlinked group handed over to the caller's agency is new work for them.
  if (q.queue === 'new') filter.orHandedOver = true;
  if (q.queue === 'mine') filter.assigneeAccountId = access.actor!.accountId;
  if (q.queue === 'overdue') filter.dueBefore = now;
  if (q.queue === 'due_soon') {
    // Due within one working day from now, and not yet overdue.
    filter.dueAfter = now;
    filter.dueBefore = resumeDeadline(cal, now, 450);
  }
  const [rows, total] = await Promise.all([
    repo.listDossiers(deps.db, filter, q.pageSize, (q.page - 1) * q.pageSize, q.queue === 'new' ? 'oldest' : 'due'),
    repo.countDossiers(deps.db, filter),
  ]);
  const ctx = await presentContext(deps, access, rows, cal);
  return { items: rows.map((r) => presentSummary(r, ctx)), total, page: q.page, pageSize: q.pageSize };
}

/** A dossier still open for the citizen: filed and not yet decided, withdrawn or refused. */
const OPEN_STATES: readonly DossierState[] = [
  'awaiting_payment',
  'submitted',
  'received',
  'in_processing',
  'supplement_requested',
];

/**
 * The signed-in citizen's dossiers, newest first; with `procedureCode` and `open`, those of one
 * procedure still open (the filing page warns before a second one, issue 14 §3).
 */
export async function listMine(
  deps: DossierDeps,
  access: AccessContext,
  page: number,
  pageSize: number,
  only: { procedureCode?: string; open?: boolean } = {},
) {
  const filter: repo.ListFilter = {
    unitCodes: null,
    ownerAccountId: access.actor!.accountId,
    procedureCode: only.procedureCode,
    ...(only.open && { states: OPEN_STATES }),
  };
  const [rows, total] = await Promise.all([
    repo.listDossiers(deps.db, filter, pageSize, (page - 1) * pageSize, 'newest'),
    repo.countDossiers(deps.db, filter),
  ]);
  const ctx = await presentContext(deps, access, rows);
  return { items: rows.map((r) => presentSummary(r, ctx)), total, page, pageSize };
}
