import type { Db } from '../../platform/db';
import { todayInVietnam } from '../../../contracts/common';
import type { PilotProgress, PilotProgressRow } from '../../../contracts/pilots';
import { dueDateInForce, overdueMilestones, planOverdue } from './overdue';
import { dayOf } from './models.service';
import * as repo from './pilots.repository';

/** The first moment after the Vietnam day `day` (its end, 24:00 UTC+7). */
export function endOfDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000);
}

/** One model as it stood at the end of a day. */
export interface ModelStatus {
  id: string;
  title: string;
  unitCode: string;
  agencyName: string;
  state: string;
  planUploaded: boolean;
  planOverdue: boolean;
  milestonesOverdue: number;
  /** The evaluation's rating, when the model was evaluated by then. */
  rating: string | null;
}

/**
 * Every model registered by the end of `asOf` (of `unitCodes`, null = all) as it stood then: its
 * state from the transition history, its plan from the upload times, the due date in force that day,
 * its milestones (a done date counts when on or before `asOf`) and its evaluation.
 */
export async function modelStatuses(
  db: Db,
  asOf: string,
  unitCodes: readonly string[] | null = null,
): Promise<ModelStatus[]> {
  const until = endOfDay(asOf);
  const models = (await repo.listModels(db, unitCodes)).filter((m) => m.registeredAt < until);
  const ids = models.map((m) => m.id);
  // In turn: a kpi run reads in a transaction, one connection (pg 9 refuses concurrent queries on a client).
  const transitions = await repo.transitionsBefore(db, until);
  const plans = await repo.listFiles(db, ids, 'plan');
  const milestones = await repo.listMilestones(db, ids);
  const settings = await repo.listDueDates(db);
  const evaluations = await repo.listEvaluations(db, ids);
  const stateOn = new Map<string, string>();
  for (const t of transitions) stateOn.set(t.modelId, t.toState); // ordered by time: the last wins
  const firstPlan = new Map<string, Date>();
  for (const p of plans) if (p.uploadedAt < until && !firstPlan.has(p.modelId)) firstPlan.set(p.modelId, p.uploadedAt);
  const dueOn =
    dueDateInForce(
      settings.filter((s) => s.setAt < until).map((s) => ({ ...s, setAt: s.setAt.toISOString() })),
      asOf,
    )?.dueOn ?? null;
  return models.map((m) => {
    const state = stateOn.get(m.id) ?? 'registered';
    const planDay = firstPlan.get(m.id);
    const evaluation = evaluations.find((e) => e.modelId === m.id && e.evaluatedAt < until);
    return {
      id: m.id,
      title: m.title,
      unitCode: m.unitCode,
      agencyName: m.agencyName,
      state,
      planUploaded: planDay !== undefined,
      planOverdue: planOverdue({
        firstPlanOn: planDay ? dayOf(planDay) : null,
        asOf,
        dueOn,
        registeredOn: dayOf(m.registeredAt),
      }),
      milestonesOverdue: overdueMilestones(
        milestones.filter((x) => x.modelId === m.id),
        state,
        asOf,
      ),
      rating: evaluation?.rating ?? null,
    };
  });
}

/**
 * Target 14's figures as of the end of `asOf`, per registering agency (unit and agency name):
 * models registered by then; with a plan uploaded by then; whose plan is overdue (none yet and
 * the due date in force that day passed); milestones overdue (of models not completed then);
 * and models in progress, completed and evaluated that day. States come from the transition
 * history, plans from their upload times, so a past day's figures stay the same later (except
 * for a milestone's done date, which is edited: it counts when it is on or before `asOf`).
 */
export async function pilotProgress(
  db: Db,
  options: { asOf?: string; unitCodes?: readonly string[] | null } = {},
): Promise<PilotProgress> {
  const asOf = options.asOf ?? todayInVietnam();
  const rows = new Map<string, PilotProgressRow>();
  for (const s of await modelStatuses(db, asOf, options.unitCodes ?? null)) {
    const key = `${s.unitCode}\u0000${s.agencyName}`;
    const row = rows.get(key) ?? {
      unitCode: s.unitCode,
      agencyName: s.agencyName,
      registered: 0,
      planUploaded: 0,
      planOverdue: 0,
      milestonesOverdue: 0,
      inProgress: 0,
      completed: 0,
      evaluated: 0,
    };
    row.registered += 1;
    if (s.planUploaded) row.planUploaded += 1;
    if (s.planOverdue) row.planOverdue += 1;
    row.milestonesOverdue += s.milestonesOverdue;
    if (s.state === 'in_progress') row.inProgress += 1;
    if (s.state === 'completed') row.completed += 1;
    if (s.state === 'evaluated') row.evaluated += 1;
    rows.set(key, row);
  }
  return {
    asOf,
    rows: [...rows.values()].sort(
      (a, b) => a.unitCode.localeCompare(b.unitCode) || a.agencyName.localeCompare(b.agencyName, 'vi'),
    ),
  };
}

/**
 * Is a model on track (target 14: "implements its pilot model effectively")? Its plan is not
 * overdue, none of its milestones is, and — once evaluated — it was not rated `poor`.
 */
export function onTrack(s: ModelStatus): boolean {
  return !s.planOverdue && s.milestonesOverdue === 0 && s.rating !== 'poor';
}
