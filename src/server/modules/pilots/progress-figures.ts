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
  const until = endOfDay(asOf);
  const models = (await repo.listModels(db, options.unitCodes ?? null)).filter((m) => m.registeredAt < until);
  const ids = models.map((m) => m.id);
  const [transitions, plans, milestones, settings] = await Promise.all([
    repo.transitionsBefore(db, until),
    repo.listFiles(db, ids, 'plan'),
    repo.listMilestones(db, ids),
    repo.listDueDates(db),
  ]);
  const stateOn = new Map<string, string>();
  for (const t of transitions) stateOn.set(t.modelId, t.toState); // ordered by time: the last wins
  const firstPlan = new Map<string, Date>();
  for (const p of plans) if (p.uploadedAt < until && !firstPlan.has(p.modelId)) firstPlan.set(p.modelId, p.uploadedAt);
  const dueOn =
    dueDateInForce(
      settings.filter((s) => s.setAt < until).map((s) => ({ ...s, setAt: s.setAt.toISOString() })),
      asOf,
    )?.dueOn ?? null;

  const rows = new Map<string, PilotProgressRow>();
  for (const m of models) {
    const key = `${m.unitCode}\u0000${m.agencyName}`;
    const row = rows.get(key) ?? {
      unitCode: m.unitCode,
      agencyName: m.agencyName,
      registered: 0,
      planUploaded: 0,
      planOverdue: 0,
      milestonesOverdue: 0,
      inProgress: 0,
      completed: 0,
      evaluated: 0,
    };
    const state = stateOn.get(m.id) ?? 'registered';
    const planDay = firstPlan.get(m.id);
    row.registered += 1;
    if (planDay) row.planUploaded += 1;
    if (planOverdue({ firstPlanOn: planDay ? dayOf(planDay) : null, asOf, dueOn, registeredOn: dayOf(m.registeredAt) }))
      row.planOverdue += 1;
    row.milestonesOverdue += overdueMilestones(
      milestones.filter((x) => x.modelId === m.id),
      state,
      asOf,
    );
    if (state === 'in_progress') row.inProgress += 1;
    if (state === 'completed') row.completed += 1;
    if (state === 'evaluated') row.evaluated += 1;
    rows.set(key, row);
  }
  return {
    asOf,
    rows: [...rows.values()].sort(
      (a, b) => a.unitCode.localeCompare(b.unitCode) || a.agencyName.localeCompare(b.agencyName, 'vi'),
    ),
  };
}
